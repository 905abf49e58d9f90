using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Timing;

/// <summary>
/// A point in a recording as a request names it: an offset from the recording's start (seconds or
/// <c>hh:mm:ss(.fff)</c>) or a wall-clock instant (ISO-8601, mapped through EXT-X-PROGRAM-DATE-TIME).
/// </summary>
/// <remarks>
/// Serialized as a JSON number for offsets given in seconds and as a string otherwise, so a request
/// reads back as it was written. Bad input: <see cref="TryParse"/> returns false with a message that
/// quotes the text and says which forms are accepted.
/// </remarks>
[JsonConverter(typeof(TimePointJsonConverter))]
public readonly record struct TimePoint
{
    private readonly string? _text;

    private TimePoint(double? offsetSeconds, DateTimeOffset? instant, string? text)
    {
        OffsetSeconds = offsetSeconds;
        Instant = instant;
        _text = text;
    }

    /// <summary>Gets the offset from the recording's start, when this point is an offset.</summary>
    public double? OffsetSeconds { get; }

    /// <summary>Gets the wall-clock instant, when this point is one.</summary>
    public DateTimeOffset? Instant { get; }

    public bool IsInstant => Instant.HasValue;

    public static TimePoint FromSeconds(double seconds) => new(seconds, null, null);

    public static TimePoint FromInstant(DateTimeOffset instant) => new(null, instant, null);

    /// <summary>Parses seconds (<c>65.5</c>), <c>[hh:]mm:ss(.fff)</c>, or an ISO-8601 instant with a zone (<c>2026-11-20T10:04:10Z</c>).</summary>
    public static bool TryParse(string? text, out TimePoint point, out string error)
    {
        point = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "a time is required (seconds, hh:mm:ss.fff, or an ISO-8601 instant)";
            return false;
        }

        if (trimmed.Length > 64)
        {
            error = $"'{trimmed[..16]}...' is too long to be a time";
            return false;
        }

        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return Validate(seconds, trimmed, out point, out error);
        }

        if (trimmed.Contains('T', StringComparison.Ordinal) || trimmed.Contains('-', StringComparison.Ordinal))
        {
            if (!HasZone(trimmed))
            {
                error = $"'{trimmed}' is an instant without a time zone; add 'Z' or an offset such as '+02:00'";
                return false;
            }

            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                point = new TimePoint(null, instant.ToUniversalTime(), trimmed);
                error = string.Empty;
                return true;
            }

            error = $"'{trimmed}' is not a valid ISO-8601 instant";
            return false;
        }

        var parts = trimmed.Split(':');
        if (parts.Length is 2 or 3)
        {
            var total = 0.0;
            for (var i = 0; i < parts.Length; i++)
            {
                var isLast = i == parts.Length - 1;
                var style = isLast ? NumberStyles.AllowDecimalPoint : NumberStyles.None;
                if (parts[i].Length == 0 || !double.TryParse(parts[i], style, CultureInfo.InvariantCulture, out var value)
                    || (i > 0 && value >= 60))
                {
                    error = $"'{trimmed}' is not a valid hh:mm:ss(.fff) time";
                    return false;
                }

                total = (total * 60) + value;
            }

            point = new TimePoint(total, null, trimmed);
            return Validate(total, trimmed, out point, out error, keepText: true);
        }

        error = $"'{trimmed}' is not a time: use seconds (65.5), hh:mm:ss.fff (00:01:05.500) or an ISO-8601 instant (2026-11-20T10:04:10Z)";
        return false;
    }

    public static TimePoint Parse(string text)
        => TryParse(text, out var point, out var error) ? point : throw new FormatException(error);

    public override string ToString()
        => _text ?? (Instant is { } instant
            ? instant.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture)
            : OffsetSeconds!.Value.ToString("0.###", CultureInfo.InvariantCulture));

    private static bool Validate(double seconds, string text, out TimePoint point, out string error, bool keepText = false)
    {
        point = default;
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0)
        {
            error = $"'{text}' is negative or not a finite number of seconds";
            return false;
        }

        // A week is far beyond any recording; larger values are typos (milliseconds sent as seconds).
        if (seconds > TimeSpan.FromDays(7).TotalSeconds)
        {
            error = $"'{text}' is more than 7 days into the recording";
            return false;
        }

        point = new TimePoint(seconds, null, keepText ? text : null);
        error = string.Empty;
        return true;
    }

    private static bool HasZone(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var timePart = text[t..];
        return timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
    }

    private sealed class TimePointJsonConverter : JsonConverter<TimePoint>
    {
        public override TimePoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                var seconds = reader.GetDouble();
                return Validate(seconds, seconds.ToString(CultureInfo.InvariantCulture), out var p, out var e) ? p : throw new JsonException(e);
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                return TryParse(reader.GetString(), out var point, out var error) ? point : throw new JsonException(error);
            }

            throw new JsonException($"a time must be a number of seconds or a string, not {reader.TokenType}");
        }

        public override void Write(Utf8JsonWriter writer, TimePoint value, JsonSerializerOptions options)
        {
            if (value._text is null && value.OffsetSeconds is { } seconds)
            {
                writer.WriteNumberValue(seconds);
            }
            else
            {
                writer.WriteStringValue(value.ToString());
            }
        }
    }
}
