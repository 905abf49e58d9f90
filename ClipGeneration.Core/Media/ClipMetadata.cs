namespace ClipGeneration.Core.Media;

/// <summary>What the clip record stores about a finished clip.</summary>
/// <param name="DurationSeconds">Container duration (0 when ffprobe reports none).</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Width">Video width; null for audio-only clips.</param>
/// <param name="Height">Video height; null for audio-only clips.</param>
/// <param name="VideoCodec">e.g. <c>h264</c>; null without video.</param>
/// <param name="AudioCodec">e.g. <c>aac</c>; null without audio.</param>
/// <param name="FrameRate">Frames per second; null without video.</param>
public sealed record ClipMetadata(
    double DurationSeconds,
    long SizeBytes,
    int? Width,
    int? Height,
    string? VideoCodec,
    string? AudioCodec,
    double? FrameRate)
{
    public static ClipMetadata From(MediaInfo info, long sizeBytes)
    {
        ArgumentNullException.ThrowIfNull(info);
        var video = info.Video;
        return new ClipMetadata(
            info.Duration ?? 0,
            sizeBytes,
            video?.Width,
            video?.Height,
            video?.CodecName,
            info.Audio?.CodecName,
            video?.FramesPerSecond);
    }
}
