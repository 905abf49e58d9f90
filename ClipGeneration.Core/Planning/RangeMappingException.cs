using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Planning;

/// <summary>A requested range cannot be mapped onto the recording. Not retryable: the request itself is wrong.</summary>
/// <remarks>The message starts with "range N (START/END):" when one range is at fault, or describes the playlist otherwise.</remarks>
public sealed class RangeMappingException : Exception, INonRetryableFailure
{
    public RangeMappingException(int? rangeIndex, string? range, string reason)
        : base(rangeIndex is { } index ? $"range {index}{(range is null ? string.Empty : $" ({range})")}: {reason}" : reason)
    {
        RangeIndex = rangeIndex;
        Reason = reason;
    }

    /// <summary>Gets the position of the faulty range in the request (from 0), or null when the playlist is at fault.</summary>
    public int? RangeIndex { get; }

    public string Reason { get; }
}
