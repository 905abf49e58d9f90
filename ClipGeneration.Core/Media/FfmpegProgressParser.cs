using System.Globalization;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output (<c>key=value</c> lines, each block ending with <c>progress=continue</c>
/// or <c>progress=end</c>) one line at a time. Pure: no I/O, one instance per process.
/// </summary>
/// <remarks>
/// Bad input: lines without '=' and unknown keys are ignored; values ffmpeg writes as <c>N/A</c> or that do not
/// parse leave the previous value in place; a negative <c>out_time</c> (ffmpeg prints one before the first packet)
/// counts as zero.
/// </remarks>
public sealed class FfmpegProgressParser
{
    private readonly TimeSpan? _total;
    private TimeSpan _outTime;
    private long? _frame;
    private double? _speed;

    public FfmpegProgressParser(TimeSpan? total)
    {
        _total = total;
    }

    /// <summary>Feeds one line; returns a report when the line closes a block, otherwise null.</summary>
    public FfmpegProgress? ReadLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        switch (key)
        {
            case "out_time_us":
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros))
                {
                    _outTime = TimeSpan.FromMicroseconds(Math.Max(0, micros));
                }

                break;
            case "out_time":
                if (TryParseClock(value, out var clock))
                {
                    _outTime = clock;
                }

                break;
            case "frame":
                if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var frame))
                {
                    _frame = frame;
                }

                break;
            case "speed":
                var speedText = value.EndsWith('x') ? value[..^1] : value;
                if (double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed))
                {
                    _speed = speed;
                }

                break;
            case "progress":
                return new FfmpegProgress(_outTime, _total, _frame, _speed, string.Equals(value, "end", StringComparison.Ordinal));
            default:
                break;
        }

        return null;
    }

    /// <summary>Parses ffmpeg's <c>[-]HH:MM:SS.ffffff</c>; negative times become zero.</summary>
    public static bool TryParseClock(string text, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        var negative = text.StartsWith('-');
        var parts = (negative ? text[1..] : text).Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        time = negative ? TimeSpan.Zero : TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return true;
    }
}
