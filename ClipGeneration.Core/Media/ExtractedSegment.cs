namespace ClipGeneration.Core.Media;

/// <summary>One range cut out of a recording into a local MP4 file.</summary>
/// <param name="Path">The segment file (MP4, H.264/AAC as the source or as re-encoded).</param>
/// <param name="RangeIndex">The range's position in the request.</param>
/// <param name="Mode">How it was cut.</param>
/// <param name="RequestedStart">Seconds from the recording's start the request asked for.</param>
/// <param name="RequestedEnd">Seconds from the recording's start the request asked to end at.</param>
/// <param name="ActualStart">Where the segment really starts: the keyframe at or before the request in keyframe mode.</param>
/// <param name="ActualEnd">Where it really ends (the last piece's start plus its probed duration).</param>
/// <param name="Duration">The segment file's duration in seconds, as probed.</param>
/// <param name="SizeBytes">The segment file's size.</param>
public sealed record ExtractedSegment(
    string Path,
    int RangeIndex,
    ClipMode Mode,
    double RequestedStart,
    double RequestedEnd,
    double ActualStart,
    double ActualEnd,
    double Duration,
    long SizeBytes)
{
    /// <summary>Gets what ffprobe said about <see cref="Path"/> when it was made (null when unknown).</summary>
    /// <remarks>
    /// Lets <see cref="ClipStitcher.StitchExtractedAsync"/>
    /// skip probing the file again. It describes the file as it was written: the stitcher probes again when the file's
    /// size no longer matches <see cref="SizeBytes"/>.
    /// </remarks>
    public MediaInfo? Info { get; init; }
}
