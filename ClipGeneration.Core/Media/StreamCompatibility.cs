using System.Globalization;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Decides whether segment files can be joined by stream copy: same stream kinds and, per kind, the same codec,
/// profile, size, pixel format, frame rate, time base, sample rate and channels as the first file. Pure.
/// </summary>
public static class StreamCompatibility
{
    /// <summary>Every way a file differs from the first one; empty when stream copy is safe.</summary>
    public static IReadOnlyList<string> FindDifferences(IReadOnlyList<MediaInfo> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var differences = new List<string>();
        if (files.Count == 0)
        {
            return differences;
        }

        var first = files[0];
        for (var i = 1; i < files.Count; i++)
        {
            var other = files[i];
            Compare(differences, i, "video", first.Video, other.Video, static s => s.CodecName, static s => s.Profile, static s => s.Width?.ToString(CultureInfo.InvariantCulture),
                static s => s.Height?.ToString(CultureInfo.InvariantCulture), static s => s.PixelFormat, static s => s.FramesPerSecond?.ToString("0.###", CultureInfo.InvariantCulture), static s => s.TimeBase);
            Compare(differences, i, "audio", first.Audio, other.Audio, static s => s.CodecName, static s => s.Profile,
                static s => s.SampleRate?.ToString(CultureInfo.InvariantCulture), static s => s.Channels?.ToString(CultureInfo.InvariantCulture), static s => s.TimeBase);
        }

        return differences;
    }

    private static void Compare(
        List<string> differences,
        int index,
        string kind,
        MediaStreamInfo? first,
        MediaStreamInfo? other,
        params Func<MediaStreamInfo, string?>[] fields)
    {
        if (first is null || other is null)
        {
            if ((first is null) != (other is null))
            {
                differences.Add($"file {index} {(other is null ? "has no" : "has an extra")} {kind} stream");
            }

            return;
        }

        string[] names = kind == "video"
            ? ["codec", "profile", "width", "height", "pixel format", "frame rate", "time base"]
            : ["codec", "profile", "sample rate", "channels", "time base"];
        for (var f = 0; f < fields.Length; f++)
        {
            var expected = fields[f](first);
            var actual = fields[f](other);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add($"file {index} {kind} {names[f]} is '{actual}', file 0 has '{expected}'");
            }
        }
    }
}
