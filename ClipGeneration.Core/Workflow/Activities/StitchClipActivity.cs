using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Joins the stored pieces into the final MP4, stores it at its final key and returns its probed metadata.</summary>
/// <remarks>
/// The upload is atomic (rename locally, a single PUT or a completed multipart upload on S3), so no partial final
/// object ever exists; a re-run produces and stores the same clip again.
/// </remarks>
public sealed class StitchClipActivity(ClipStitcher stitcher, IMediaStore store, ClipWorkspace workspace)
    : Activity<StitchClipInput, StoredClip>
{
    public override async Task<StoredClip> RunAsync(ActivityContext context, StitchClipInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = context.CancellationToken;
        using var scratch = workspace.CreateScratch($"{input.ClipId}-stitch");
        var pieces = new List<string>(input.Segments.Count);
        for (var i = 0; i < input.Segments.Count; i++)
        {
            var local = Path.Combine(scratch.Path, $"piece{i}.mp4");
            await store.DownloadAsync(input.Segments[i], range: null, local, cancellationToken);
            pieces.Add(local);
        }

        var output = Path.Combine(scratch.Path, $"{input.ClipId}.mp4");
        var stitched = await stitcher.StitchAsync(pieces, output, progress: null, cancellationToken);
        await store.UploadAsync(stitched.Path, input.Destination, "video/mp4", cancellationToken);
        var metadata = stitched.Metadata;
        return new StoredClip(
            input.Destination,
            metadata.SizeBytes,
            metadata.DurationSeconds,
            metadata.Width,
            metadata.Height,
            metadata.VideoCodec,
            metadata.AudioCodec,
            metadata.FrameRate);
    }
}
