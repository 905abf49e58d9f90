namespace ClipGeneration.Core.Media;

/// <summary>The result of stitching: the clip file, whether it had to be re-encoded, and its probed metadata.</summary>
/// <param name="Path">The final MP4 (moov first, <c>+faststart</c>).</param>
/// <param name="ReEncoded">False when the segments were joined by stream copy.</param>
/// <param name="Metadata">The finished clip as ffprobe sees it.</param>
/// <param name="Differences">Why re-encoding was needed (empty for stream copy).</param>
public sealed record StitchedClip(string Path, bool ReEncoded, ClipMetadata Metadata, IReadOnlyList<string> Differences)
{
    /// <summary>Gets ffprobe's full description of <see cref="Path"/>, from which <see cref="Metadata"/> was taken (null when unknown).</summary>
    public MediaInfo? Info { get; init; }
}
