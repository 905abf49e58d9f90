using ClipGeneration.Core.Timing;

namespace ClipGeneration.Core.Requests;

/// <summary>One requested range of a clip, as the request gave it (offsets or wall-clock instants).</summary>
public sealed record RequestedSegment(TimePoint StartTime, TimePoint EndTime);
