namespace ClipGeneration.Core.Timing;

/// <summary>A requested range of a recording, as the request names it (offsets or wall-clock instants).</summary>
/// <remarks>Not validated here: <see cref="Planning.RangeMapper"/> checks it against the recording (end after start, inside the recording).</remarks>
public sealed record TimeRange(TimePoint Start, TimePoint End)
{
    /// <summary>Parses <c>START/END</c> (ISO-8601's interval separator), each side a <see cref="TimePoint"/>.</summary>
    public static bool TryParse(string? text, out TimeRange range, out string error)
    {
        range = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != trimmed.LastIndexOf('/'))
        {
            error = $"'{trimmed}' is not START/END (e.g. 65.5/95, 00:01:05.5/00:01:35 or 2026-11-20T10:01:05Z/2026-11-20T10:01:35Z)";
            return false;
        }

        if (!TimePoint.TryParse(trimmed[..slash], out var start, out error))
        {
            error = $"start: {error}";
            return false;
        }

        if (!TimePoint.TryParse(trimmed[(slash + 1)..], out var end, out error))
        {
            error = $"end: {error}";
            return false;
        }

        range = new TimeRange(start, end);
        return true;
    }

    public override string ToString() => $"{Start}/{End}";
}
