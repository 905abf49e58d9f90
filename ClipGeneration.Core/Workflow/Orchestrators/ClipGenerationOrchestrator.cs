using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Workflow.Contracts;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Core.Workflow.Orchestrators;

/// <summary>
/// The clip workflow: record <c>processing</c>, plan, extract every range (a sliding window of parallel
/// extractions), stitch, record <c>processed</c>, remove intermediates. A failure that survives the retries
/// records <c>failed</c> with the step, removes everything the clip wrote, and fails the orchestration.
/// </summary>
/// <remarks>
/// Orchestrator code is replayed: it must be deterministic. Time comes from <see cref="OrchestrationContext.CurrentUtcDateTime"/>,
/// and all I/O happens in activities. The build enforces this for this folder (BannedSymbols.txt, RS0030).
/// Record transitions carry ids derived from the instance id and step, so an activity that runs twice
/// (activities run at least once) does not write twice.
/// </remarks>
public sealed class ClipGenerationOrchestrator(ClipWorkflowOptions options) : Orchestrator<ClipWorkflowInput, ClipWorkflowResult>
{
    public override async Task<ClipWorkflowResult> RunAsync(OrchestrationContext context, ClipWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(nameof(ClipGenerationOrchestrator));
        var retry = new TaskOptions(options.ToRetryPolicy());
        var startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var total = input.Segments.Count;
        logger.LogInformation("Clip {ClipId}: {Count} range(s) from {Manifest} in {Mode} mode", input.ClipId, total, input.Manifest, input.Mode);

        context.SetCustomStatus(new ClipProgress(ClipWorkflowSteps.Record, 0, total));
        await context.CallActivityAsync(
            ClipWorkflowNames.CreateClipRecord,
            new CreateClipRecordInput(input, startedAt, TransitionId(context, "processing")),
            retry);

        var step = ClipWorkflowSteps.Plan;
        var inFlight = new List<Task<StoredSegment>>();
        try
        {
            context.SetCustomStatus(new ClipProgress(step, 0, total));
            var plan = await context.CallActivityAsync<ClipPlan>(
                ClipWorkflowNames.PlanClip,
                new PlanClipInput(input.Manifest, input.Segments, input.Variant),
                retry);

            step = ClipWorkflowSteps.Extract;
            var segments = await ExtractAllAsync(context, input, plan, retry, inFlight);

            step = ClipWorkflowSteps.Stitch;
            context.SetCustomStatus(new ClipProgress(step, total, total));
            var clip = await context.CallActivityAsync<StoredClip>(
                ClipWorkflowNames.StitchClip,
                new StitchClipInput(input.ClipId, [.. segments.Select(s => s.Location)], input.FinalClip),
                retry);

            step = ClipWorkflowSteps.Complete;
            var finishedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
            var processingSeconds = (finishedAt - startedAt).TotalSeconds;
            await context.CallActivityAsync(
                ClipWorkflowNames.CompleteClipRecord,
                new CompleteClipRecordInput(input.ClipId, clip, processingSeconds, finishedAt, TransitionId(context, "processed")),
                retry);

            step = ClipWorkflowSteps.Cleanup;
            context.SetCustomStatus(new ClipProgress(step, total, total));
            try
            {
                await context.CallActivityAsync(ClipWorkflowNames.CleanupClipMedia, new CleanupClipMediaInput(input.SegmentsFolder), retry);
            }
            catch (TaskFailedException leftover)
            {
                // The clip is done and recorded; leftover intermediates are a storage cost, not a failed clip.
                logger.LogWarning("Clip {ClipId}: intermediates under {Folder} were not removed: {Error}", input.ClipId, input.SegmentsFolder, leftover.FailureDetails.ErrorMessage);
            }

            logger.LogInformation("Clip {ClipId} processed: {Seconds:0.###} s, {Bytes} bytes", input.ClipId, clip.DurationSeconds, clip.SizeBytes);
            return new ClipWorkflowResult(input.ClipId, clip, processingSeconds);
        }
        catch (TaskFailedException failure)
        {
            logger.LogWarning("Clip {ClipId} failed at {Step}: {Error}", input.ClipId, step, failure.FailureDetails.ErrorMessage);
            await FailAsync(context, input, step, failure.FailureDetails, inFlight, retry);
            throw new ClipGenerationFailedException(input.ClipId, step, failure.FailureDetails);
        }
    }

    /// <summary>
    /// Runs one extraction per range with at most <see cref="ClipWorkflowInput.SegmentConcurrency"/> in flight:
    /// each finished extraction makes room for the next (a sliding window, not fixed batches).
    /// </summary>
    private static async Task<StoredSegment[]> ExtractAllAsync(
        OrchestrationContext context,
        ClipWorkflowInput input,
        ClipPlan plan,
        TaskOptions retry,
        List<Task<StoredSegment>> inFlight)
    {
        var ranges = plan.Ranges;
        var results = new StoredSegment[ranges.Count];
        var window = Math.Max(1, input.SegmentConcurrency);
        var next = 0;
        var done = 0;
        context.SetCustomStatus(new ClipProgress(ClipWorkflowSteps.Extract, 0, ranges.Count));
        while (done < ranges.Count)
        {
            while (inFlight.Count < window && next < ranges.Count)
            {
                var range = ranges[next];
                inFlight.Add(context.CallActivityAsync<StoredSegment>(
                    ClipWorkflowNames.ExtractSegment,
                    new ExtractSegmentInput(input.ClipId, range, input.Mode, input.SegmentLocation(range.Index)),
                    retry));
                next++;
            }

            var finished = await Task.WhenAny(inFlight);
            inFlight.Remove(finished);
            var segment = await finished;
            results[segment.Index] = segment;
            done++;
            context.SetCustomStatus(new ClipProgress(ClipWorkflowSteps.Extract, done, ranges.Count));
        }

        return results;
    }

    /// <summary>Waits for extractions still running, removes everything of the clip, and records the failure.</summary>
    private static async Task FailAsync(
        OrchestrationContext context,
        ClipWorkflowInput input,
        string step,
        TaskFailureDetails cause,
        List<Task<StoredSegment>> inFlight,
        TaskOptions retry)
    {
        // Extractions still in flight would write their pieces after the cleanup; let them end first.
        foreach (var running in inFlight)
        {
            try
            {
                await running;
            }
            catch (TaskFailedException other)
            {
                context.CreateReplaySafeLogger(nameof(ClipGenerationOrchestrator))
                    .LogInformation("Clip {ClipId}: another extraction failed too: {Error}", input.ClipId, other.FailureDetails.ErrorMessage);
            }
        }

        context.SetCustomStatus(new ClipProgress(ClipWorkflowSteps.Cleanup, 0, input.Segments.Count));
        await context.CallActivityAsync(ClipWorkflowNames.CleanupClipMedia, new CleanupClipMediaInput(input.ClipFolder), retry);
        var at = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await context.CallActivityAsync(
            ClipWorkflowNames.FailClipRecord,
            new FailClipRecordInput(input.ClipId, cause.ErrorType, cause.ErrorMessage, step, at, TransitionId(context, "failed")),
            retry);
    }

    private static string TransitionId(OrchestrationContext context, string status) => $"{context.InstanceId}:{status}";
}
