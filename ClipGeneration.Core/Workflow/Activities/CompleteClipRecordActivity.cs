using ClipGeneration.Core.Observability;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Marks the record <c>processed</c> with the clip's location, size, duration, resolution and processing time.</summary>
/// <remarks>The store refuses illegal transitions (e.g. from <c>failed</c>) with a non-retryable error; a re-run is a no-op.</remarks>
public sealed class CompleteClipRecordActivity(IClipRecordStore records) : Activity<CompleteClipRecordInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, CompleteClipRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var clip = input.Output;
        var output = new ClipOutput(
            clip.Location.ToString(),
            clip.SizeBytes,
            clip.DurationSeconds,
            clip.Width ?? 0,
            clip.Height ?? 0,
            clip.VideoCodec ?? "none",
            clip.AudioCodec);
        var result = await records.MarkProcessedAsync(input.ClipId, output, input.ProcessingSeconds, input.At, input.TransitionId, context.CancellationToken);
        if (result.Applied)
        {
            ClipTelemetry.ClipsProcessed.Add(1);
            ClipTelemetry.ProcessingDuration.Record(input.ProcessingSeconds);
        }

        return result.Applied;
    }
}
