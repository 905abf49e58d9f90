using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ClipGeneration.Functions.Triggers;

/// <summary>What starting a clip did.</summary>
public enum ClipStartResult
{
    /// <summary>A new orchestration was scheduled (instance id = clip id).</summary>
    Started,

    /// <summary>An orchestration with this clip id is pending, running or suspended: nothing was started.</summary>
    AlreadyRunning,

    /// <summary>The clip's orchestration already completed: its record is final, nothing was started.</summary>
    AlreadyCompleted,
}

/// <summary>Where clips are written and how many ranges are cut at once: what a start adds to a validated request.</summary>
public sealed record ClipStartSettings(MediaLocation OutputRoot, int SegmentConcurrency);

/// <summary>Starts the clip workflow at most once per clip id (instance id = clip id), as both hosts do.</summary>
/// <remarks>
/// A redelivered event finds the instance and starts nothing. A failed or terminated instance is started again:
/// that is the sender retrying. Two deliveries racing past the lookup are settled by the task hub, which refuses
/// a second running instance with the same id (host.json: overridableExistingInstanceStates = NonRunningStates).
/// </remarks>
internal static class ClipOrchestrationStarter
{
    public static async Task<ClipStartResult> StartAsync(DurableTaskClient client, ValidatedClipRequest request, ClipStartSettings settings, CancellationToken cancellationToken)
    {
        var existing = await CheckExistingAsync(client, request.ClipId, cancellationToken);
        if (existing is { } found)
        {
            return found;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(ClipWorkflowNames.Orchestrator),
                ClipWorkflowInput.From(request, settings.OutputRoot, settings.SegmentConcurrency),
                new StartOrchestrationOptions(InstanceId: request.ClipId),
                cancellationToken);
            return ClipStartResult.Started;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Lost a race with another delivery of the same clip: report what won, or the original error.
            return await CheckExistingAsync(client, request.ClipId, cancellationToken) ?? throw new InvalidOperationException(
                $"Could not start the orchestration for clip '{request.ClipId}': {exception.Message}", exception);
        }
    }

    private static async Task<ClipStartResult?> CheckExistingAsync(DurableTaskClient client, string clipId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(clipId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => ClipStartResult.AlreadyRunning,
            OrchestrationRuntimeStatus.Completed => ClipStartResult.AlreadyCompleted,
            _ => null,
        };
    }
}
