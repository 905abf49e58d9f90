using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Cuts one range with ffmpeg in a scratch folder and stores the piece under the clip's segments folder.</summary>
/// <remarks>
/// Idempotent: the destination is derived from the clip id and range index, and the upload replaces the object
/// atomically, so a re-run writes the same key again. The scratch folder is always removed.
/// </remarks>
public sealed class ExtractSegmentActivity(SegmentExtractor extractor, IMediaStore store, ClipWorkspace workspace)
    : Activity<ExtractSegmentInput, StoredSegment>
{
    public override async Task<StoredSegment> RunAsync(ActivityContext context, ExtractSegmentInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var scratch = workspace.CreateScratch($"{input.ClipId}-extract-{input.Range.Index}");
        var localPath = Path.Combine(scratch.Path, $"{input.Range.Index}.mp4");
        var segment = await extractor.ExtractAsync(input.Range, input.Mode, scratch.Path, localPath, progress: null, context.CancellationToken);
        await store.UploadAsync(localPath, input.Destination, "video/mp4", context.CancellationToken);
        return new StoredSegment(
            input.Range.Index,
            input.Destination,
            segment.SizeBytes,
            segment.Duration,
            segment.ActualStart,
            segment.ActualEnd);
    }
}
