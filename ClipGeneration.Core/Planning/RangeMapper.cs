using System.Globalization;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Core.Planning;

/// <summary>
/// Maps requested ranges onto a media playlist's chunks: for each range, the exact chunks that cover it, the offset
/// into the first one and the duration, split into pieces at discontinuities and around gaps. Pure.
/// </summary>
/// <remarks>
/// <para>Offsets (seconds, hh:mm:ss) count from the recording's start (the first chunk); instants map through
/// EXT-X-PROGRAM-DATE-TIME (explicit or extrapolated). A chunk is listed when the range overlaps it by more than a
/// point: the first chunk starts at or before the range's start, the last ends at or after its end. Ranges may
/// overlap and come in any order; the plan keeps the request's order.</para>
/// <para>Gaps: EXT-X-GAP chunks have no media, so they are left out and the range is split into pieces around them
/// (the clip is shorter by the gap); a range entirely inside gap chunks is an error.</para>
/// <para>Bad input throws <see cref="RangeMappingException"/> naming the range: end at or before start; a range
/// outside the recording (the message gives the recording's span); an instant on a playlist without
/// PROGRAM-DATE-TIME or outside its wall-clock span; a range entirely inside gaps; a playlist without chunks.</para>
/// </remarks>
public static class RangeMapper
{
    // Offsets a request names are rounded to the millisecond at most; a micro-second of slack absorbs float noise.
    private const double Tolerance = 1e-6;

    public static ClipPlan Map(HlsMediaPlaylist playlist, IReadOnlyList<TimeRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(ranges);
        if (playlist.Chunks.Count == 0)
        {
            throw new RangeMappingException(null, null, $"the playlist '{playlist.Location}' has no chunks");
        }

        if (ranges.Count == 0)
        {
            throw new RangeMappingException(null, null, "no ranges were requested");
        }

        var plans = new RangePlan[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            plans[i] = MapOne(playlist, ranges[i], i);
        }

        return new ClipPlan(playlist.Location, plans);
    }

    private static RangePlan MapOne(HlsMediaPlaylist playlist, TimeRange range, int index)
    {
        var label = range.ToString();
        var start = ToOffset(playlist, range.Start, index, label, "start");
        var end = ToOffset(playlist, range.End, index, label, "end");
        if (end <= start)
        {
            throw new RangeMappingException(index, label, $"end ({Seconds(end)} s) must be after start ({Seconds(start)} s)");
        }

        var total = playlist.TotalDuration;
        if (start >= total || end > total + Tolerance)
        {
            throw new RangeMappingException(index, label, $"{Seconds(start)}-{Seconds(end)} s lies outside the recording (0-{Seconds(total)} s)");
        }

        end = Math.Min(end, total);
        var chunks = playlist.Chunks;
        var first = FirstChunkEndingAfter(chunks, start);
        var pieces = new List<PlannedPiece>();
        var current = new List<HlsChunk>();
        for (var i = first; i < chunks.Count && chunks[i].StartOffset < end; i++)
        {
            var chunk = chunks[i];
            if (current.Count > 0 && (chunk.IsGap || chunk.DiscontinuitySequence != current[0].DiscontinuitySequence))
            {
                pieces.Add(ToPiece(current, start, end));
                current = [];
            }

            if (!chunk.IsGap)
            {
                current.Add(chunk);
            }
        }

        if (current.Count > 0)
        {
            pieces.Add(ToPiece(current, start, end));
        }

        if (pieces.Count == 0)
        {
            throw new RangeMappingException(index, label, $"{Seconds(start)}-{Seconds(end)} s lies entirely inside EXT-X-GAP chunks (no media)");
        }

        return new RangePlan(index, start, end, pieces);
    }

    private static PlannedPiece ToPiece(List<HlsChunk> chunks, double start, double end)
    {
        var pieceStart = Math.Max(start, chunks[0].StartOffset);
        var pieceEnd = Math.Min(end, chunks[^1].EndOffset);
        var planned = new PlannedChunk[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var c = chunks[i];
            planned[i] = new PlannedChunk(c.Uri, c.StartOffset, c.Duration, c.SequenceNumber, c.ByteRange, c.InitSection, c.Key);
        }

        return new PlannedPiece(planned, pieceStart - chunks[0].StartOffset, pieceEnd - pieceStart);
    }

    /// <summary>Binary search: the first chunk whose end lies after <paramref name="offset"/> (chunks are in time order).</summary>
    private static int FirstChunkEndingAfter(IReadOnlyList<HlsChunk> chunks, double offset)
    {
        int low = 0, high = chunks.Count - 1;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (chunks[mid].EndOffset > offset)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static double ToOffset(HlsMediaPlaylist playlist, TimePoint point, int index, string label, string side)
    {
        if (point.OffsetSeconds is { } seconds)
        {
            return seconds;
        }

        var instant = point.Instant!.Value;
        DateTimeOffset? firstKnown = null, lastKnownEnd = null;
        foreach (var chunk in playlist.Chunks)
        {
            if (chunk.ProgramDateTime is not { } chunkTime)
            {
                continue;
            }

            firstKnown ??= chunkTime;
            var chunkEnd = chunkTime.AddTicks((long)(chunk.Duration * TimeSpan.TicksPerSecond));
            lastKnownEnd = chunkEnd;
            if (instant >= chunkTime && instant <= chunkEnd)
            {
                return chunk.StartOffset + (instant - chunkTime).TotalSeconds;
            }
        }

        if (firstKnown is null)
        {
            throw new RangeMappingException(index, label, $"{side} is a wall-clock time, but the playlist has no EXT-X-PROGRAM-DATE-TIME to map it; use offsets from the recording's start");
        }

        throw new RangeMappingException(index, label,
            $"{side} {Instant(instant)} lies outside the recording ({Instant(firstKnown.Value)} to {Instant(lastKnownEnd!.Value)}, 0-{Seconds(playlist.TotalDuration)} s)");
    }

    private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
