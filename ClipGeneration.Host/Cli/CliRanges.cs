using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Host.Cli;

/// <summary>Reads <c>--range START/END</c> values: seconds, <c>hh:mm:ss(.fff)</c> offsets or ISO-8601 instants, split at ISO-8601's interval separator.</summary>
public static class CliRanges
{
    /// <summary>Parses one range; on bad input returns false with a reason naming what is wrong.</summary>
    public static bool TryParse(string text, out RequestedSegment segment, out string problem)
    {
        segment = null!;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            problem = "expected START/END, e.g. 65.5/95, 00:01:05.5/00:01:35 or 2026-11-20T10:01:05Z/2026-11-20T10:01:35Z";
            return false;
        }

        if (!TimePoint.TryParse(parts[0], out var start, out var startProblem))
        {
            problem = $"start: {startProblem}";
            return false;
        }

        if (!TimePoint.TryParse(parts[1], out var end, out var endProblem))
        {
            problem = $"end: {endProblem}";
            return false;
        }

        segment = new RequestedSegment(start, end);
        problem = string.Empty;
        return true;
    }
}
