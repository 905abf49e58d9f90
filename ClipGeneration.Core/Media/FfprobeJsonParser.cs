using System.Globalization;
using System.Text.Json;

namespace ClipGeneration.Core.Media;

/// <summary>Parses ffprobe's JSON output (<c>-print_format json</c>). Pure: text in, records out.</summary>
/// <remarks>
/// ffprobe prints most numbers as strings and omits fields it does not know; missing or unparsable fields become
/// null rather than errors. Text that is not a JSON object throws <see cref="FormatException"/> quoting its start.
/// </remarks>
public static class FfprobeJsonParser
{
    /// <summary>Parses the output of <c>-show_format -show_streams</c>.</summary>
    public static MediaInfo ParseMediaInfo(string json)
    {
        using var document = Open(json);
        var root = document.RootElement;
        var streams = new List<MediaStreamInfo>();
        if (root.TryGetProperty("streams", out var streamArray) && streamArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var stream in streamArray.EnumerateArray())
            {
                streams.Add(ParseStream(stream));
            }
        }

        string? formatName = null;
        double? duration = null, startTime = null;
        long? size = null, bitRate = null;
        if (root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            formatName = GetString(format, "format_name");
            duration = GetDouble(format, "duration");
            startTime = GetDouble(format, "start_time");
            size = GetLong(format, "size");
            bitRate = GetLong(format, "bit_rate");
        }

        return new MediaInfo(formatName, duration, startTime, size, bitRate, streams);
    }

    /// <summary>
    /// Parses the output of <c>-show_entries packet=pts_time,flags</c> and returns the presentation times of
    /// keyframe packets (flags containing <c>K</c>), sorted.
    /// </summary>
    /// <param name="json">ffprobe's output.</param>
    /// <param name="streamIndex">Only packets of this stream (their <c>stream_index</c>); null takes every packet.</param>
    public static IReadOnlyList<double> ParseKeyframeTimes(string json, int? streamIndex = null)
    {
        using var document = Open(json);
        var times = new List<double>();
        if (document.RootElement.TryGetProperty("packets", out var packets) && packets.ValueKind == JsonValueKind.Array)
        {
            foreach (var packet in packets.EnumerateArray())
            {
                var flags = GetString(packet, "flags");
                var time = GetDouble(packet, "pts_time") ?? GetDouble(packet, "dts_time");
                var sameStream = streamIndex is null || GetLong(packet, "stream_index") is not { } index || index == streamIndex;
                if (sameStream && flags is not null && flags.Contains('K', StringComparison.Ordinal) && time is { } t)
                {
                    times.Add(t);
                }
            }
        }

        times.Sort();
        return times;
    }

    /// <summary>Parses <c>num/den</c> (or a plain number); null for absent, malformed or <c>x/0</c> values.</summary>
    public static double? ParseRational(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
        }

        if (double.TryParse(text[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(text[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator != 0
            && numerator != 0)
        {
            return numerator / denominator;
        }

        return null;
    }

    private static JsonDocument Open(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new FormatException($"ffprobe output is not a JSON object: '{Excerpt(json)}'");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"ffprobe output is not valid JSON ({ex.Message}): '{Excerpt(json)}'", ex);
        }
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static MediaStreamInfo ParseStream(JsonElement stream)
    {
        var attached = stream.TryGetProperty("disposition", out var disposition)
            && disposition.ValueKind == JsonValueKind.Object
            && GetLong(disposition, "attached_pic") == 1;
        var averageFrameRate = GetString(stream, "avg_frame_rate");
        var nominalFrameRate = GetString(stream, "r_frame_rate");
        return new MediaStreamInfo(
            Index: (int)(GetLong(stream, "index") ?? 0),
            CodecType: GetString(stream, "codec_type") ?? "unknown",
            CodecName: GetString(stream, "codec_name"),
            Profile: GetString(stream, "profile"),
            Width: (int?)GetLong(stream, "width"),
            Height: (int?)GetLong(stream, "height"),
            AverageFrameRate: ParseRational(averageFrameRate) is null ? null : averageFrameRate,
            NominalFrameRate: ParseRational(nominalFrameRate) is null ? null : nominalFrameRate,
            PixelFormat: GetString(stream, "pix_fmt"),
            SampleRate: (int?)GetLong(stream, "sample_rate"),
            Channels: (int?)GetLong(stream, "channels"),
            ChannelLayout: GetString(stream, "channel_layout"),
            TimeBase: GetString(stream, "time_base"),
            Duration: GetDouble(stream, "duration"),
            StartTime: GetDouble(stream, "start_time"),
            IsAttachedPicture: attached);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static double? GetDouble(JsonElement element, string name)
    {
        var text = GetString(element, name);
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
    }

    private static long? GetLong(JsonElement element, string name)
    {
        var text = GetString(element, name);
        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
