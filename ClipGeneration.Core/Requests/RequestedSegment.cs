using ClipGeneration.Core.Timing;

namespace ClipGeneration.Core.Requests;

/// <summary>One time range of a clip request, as the request names it (offsets or instants).</summary>
/// <remarks>Both ends are of one kind in a valid request; <see cref="ClipRequestValidator"/> checks that and their order.</remarks>
public sealed record RequestedSegment(TimePoint StartTime, TimePoint EndTime)
{
    /// <summary>Gets the range's length in seconds when both ends are of the same kind; null when they are mixed.</summary>
    public double? DurationSeconds => (StartTime.OffsetSeconds, EndTime.OffsetSeconds, StartTime.Instant, EndTime.Instant) switch
    {
        ({ } start, { } end, _, _) => end - start,
        (_, _, { } start, { } end) => (end - start).TotalSeconds,
        _ => null,
    };
}
