using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Core.Workflow.Contracts;
using ClipGeneration.Core.Workflow.Orchestrators;

namespace ClipGeneration.Tests.Workflow;

/// <summary>Logic tests of the orchestrator's ordering and windowing, on a hand-driven context (no engine, no media).</summary>
public sealed class ClipGenerationOrchestratorLogicTests
{
    private static readonly MediaLocation Output = MediaLocation.Local("/data/output/");

    [Fact]
    public async Task Run_FiveRangesWindowOfTwo_NeverMoreThanTwoExtractionsInFlight()
    {
        var context = new ScriptedOrchestrationContext("clip-1");
        var run = new ClipGenerationOrchestrator(new ClipWorkflowOptions()).RunAsync(context, Input(context.InstanceId, 5, concurrency: 2));

        context.Complete(ClipWorkflowNames.CreateClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.PlanClip, _ => Plan(5));
        var extractionsSeen = 0;
        while (context.Pending.Any(p => p.Name == ClipWorkflowNames.ExtractSegment))
        {
            Assert.True(context.Pending.Count <= 2, $"{context.Pending.Count} extractions in flight with a window of 2");
            context.Complete(ClipWorkflowNames.ExtractSegment, Extracted);
            extractionsSeen++;
        }

        context.Complete(ClipWorkflowNames.StitchClip, _ => Stitched());
        context.Complete(ClipWorkflowNames.CompleteClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.CleanupClipMedia, _ => null);
        var result = await run;

        Assert.Equal(5, extractionsSeen);
        Assert.Equal(2, context.MaxInFlight);
        Assert.Equal("clip-1", result.ClipId);
    }

    [Fact]
    public async Task Run_ExtractionsFinishOutOfOrder_StitchesInRequestOrder()
    {
        var context = new ScriptedOrchestrationContext("clip-2");
        var run = new ClipGenerationOrchestrator(new ClipWorkflowOptions()).RunAsync(context, Input(context.InstanceId, 3, concurrency: 3));
        context.Complete(ClipWorkflowNames.CreateClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.PlanClip, _ => Plan(3));

        // Finish the last range first, then the first, then the middle one.
        foreach (var index in new[] { 2, 0, 1 })
        {
            context.CompleteWhere(p => p.Input is ExtractSegmentInput e && e.Range.Index == index, Extracted);
        }

        var stitch = context.Complete(ClipWorkflowNames.StitchClip, _ => Stitched());
        context.Complete(ClipWorkflowNames.CompleteClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.CleanupClipMedia, _ => null);
        await run;

        var stitchInput = Assert.IsType<StitchClipInput>(stitch.Input);
        Assert.Equal(["0.mp4", "1.mp4", "2.mp4"], stitchInput.Segments.Select(s => s.FileName));
    }

    [Fact]
    public async Task Run_ExtractionFails_WaitsForOthersCleansUpThenRecordsFailedWithStep()
    {
        var context = new ScriptedOrchestrationContext("clip-3");
        var run = new ClipGenerationOrchestrator(new ClipWorkflowOptions()).RunAsync(context, Input(context.InstanceId, 2, concurrency: 2));
        context.Complete(ClipWorkflowNames.CreateClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.PlanClip, _ => Plan(2));

        context.Fail(ClipWorkflowNames.ExtractSegment, new TaskFailureDetails("ClipGeneration.Core.Media.FfmpegException", "chunk3.ts: Invalid data", IsNonRetryable: true));
        Assert.DoesNotContain(ClipWorkflowNames.CleanupClipMedia, context.CallLog);
        context.Complete(ClipWorkflowNames.ExtractSegment, Extracted);
        var cleanup = context.Complete(ClipWorkflowNames.CleanupClipMedia, _ => null);
        var fail = context.Complete(ClipWorkflowNames.FailClipRecord, _ => null);

        var error = await Assert.ThrowsAsync<ClipGenerationFailedException>(() => run);
        Assert.Equal(ClipWorkflowSteps.Extract, error.Step);
        Assert.Equal("/data/output/clips/clip-3/", Assert.IsType<CleanupClipMediaInput>(cleanup.Input).Prefix.ToString());
        var failInput = Assert.IsType<FailClipRecordInput>(fail.Input);
        Assert.Equal(ClipWorkflowSteps.Extract, failInput.Step);
        Assert.Contains("Invalid data", failInput.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("clip-3:failed", failInput.TransitionId);
        Assert.DoesNotContain(ClipWorkflowNames.StitchClip, context.CallLog);
    }

    [Fact]
    public async Task Run_Processed_UsesReplaySafeClockForProcessingTime()
    {
        var context = new ScriptedOrchestrationContext("clip-4");
        var run = new ClipGenerationOrchestrator(new ClipWorkflowOptions()).RunAsync(context, Input(context.InstanceId, 1, concurrency: 1));
        context.Complete(ClipWorkflowNames.CreateClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.PlanClip, _ => Plan(1));
        context.Complete(ClipWorkflowNames.ExtractSegment, Extracted);
        context.Now = context.Now.AddSeconds(42.5);
        context.Complete(ClipWorkflowNames.StitchClip, _ => Stitched());
        var complete = context.Complete(ClipWorkflowNames.CompleteClipRecord, _ => null);
        context.Complete(ClipWorkflowNames.CleanupClipMedia, _ => null);

        var result = await run;

        Assert.Equal(42.5, result.ProcessingSeconds, 6);
        Assert.Equal("clip-4:processed", Assert.IsType<CompleteClipRecordInput>(complete.Input).TransitionId);
    }

    private static ClipWorkflowInput Input(string clipId, int ranges, int concurrency) => new(
        clipId,
        MediaLocation.Local("/media/rec/index.m3u8"),
        [.. Enumerable.Range(0, ranges).Select(i => new RequestedSegment(TimePoint.FromSeconds(i * 10), TimePoint.FromSeconds((i * 10) + 5)))],
        ClipMode.Keyframe,
        null,
        null,
        Output,
        concurrency);

    private static ClipPlan Plan(int ranges) => new(
        MediaLocation.Local("/media/rec/index.m3u8"),
        [.. Enumerable.Range(0, ranges).Select(i => new RangePlan(i, i * 10, (i * 10) + 5, []))]);

    private static object Extracted(object? input)
    {
        var extract = (ExtractSegmentInput)input!;
        return new StoredSegment(extract.Range.Index, extract.Destination, 1000, 5, extract.Range.Start, extract.Range.End);
    }

    private static StoredClip Stitched() => new(MediaLocation.Local("/data/output/clips/c/c.mp4"), 5000, 15, 320, 180, "h264", "aac", 25);
}
