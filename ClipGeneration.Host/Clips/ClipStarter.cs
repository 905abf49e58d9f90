using System.Diagnostics;
using System.Globalization;
using ClipGeneration.Core.Observability;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Durable.Client;

namespace ClipGeneration.Host.Clips;

/// <summary>
/// Starts the clip workflow for a validated request: instance id = clip id, so a repeated request or a redelivered
/// event finds the existing instance instead of starting a second one.
/// </summary>
/// <remarks>
/// <c>clips.started</c> is counted by the workflow's CreateClipRecord activity when it creates the record (once per
/// clip, on both hosts), not here, so a clip is never counted twice; this adds a "clip start" span. A variant that is not a bandwidth (a number)
/// is refused with <see cref="ClipRequestValidationException"/> before anything is scheduled.
/// </remarks>
public sealed class ClipStarter(DurableClient client, MediaLocation outputRoot, int segmentConcurrency, ILogger<ClipStarter> logger)
{
    public MediaLocation OutputRoot => outputRoot;

    /// <summary>Builds the workflow input for a request (checks the variant).</summary>
    /// <exception cref="ClipRequestValidationException">The variant is not a bandwidth.</exception>
    public ClipWorkflowInput ToWorkflowInput(ValidatedClipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long? variant = null;
        if (request.Variant is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bandwidth))
            {
                throw new ClipRequestValidationException([new RequestProblem("variant", $"'{text}' is not a bandwidth; this host selects variants by BANDWIDTH (a whole number)")]);
            }

            variant = bandwidth;
        }

        return new ClipWorkflowInput(request.ClipId, request.Manifest, request.Segments, request.Mode, request.Title, variant, outputRoot, segmentConcurrency);
    }

    /// <summary>Schedules the clip's orchestration, or finds the one already there.</summary>
    /// <param name="input">The workflow input (from <see cref="ToWorkflowInput"/>).</param>
    /// <param name="source">Where the request came from (http, eventgrid, cloudevents, eventbridge, cli), for logs and metrics.</param>
    /// <param name="cancellationToken">Cancels the schedule.</param>
    public async Task<ScheduleResult> StartAsync(ClipWorkflowInput input, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = ClipTelemetry.Source.StartActivity("clip start", ActivityKind.Producer);
        span?.SetTag(ClipTelemetry.InstanceIdTag, input.ClipId);
        span?.SetTag("clip.source", source);
        span?.SetTag(ClipTelemetry.ModeTag, input.Mode.ToString().ToLowerInvariant());
        var result = await client.TryScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId, cancellationToken);
        if (result.Created)
        {
            HostLogs.ClipStarted(logger, input.ClipId, source, input.Segments.Count, input.Mode.ToString());
        }
        else
        {
            HostLogs.ClipAlreadyExists(logger, input.ClipId, source);
        }

        span?.SetTag("clip.created", result.Created);
        return result;
    }
}
