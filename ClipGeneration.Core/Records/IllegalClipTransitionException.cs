using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Records;

/// <summary>
/// A status change the record's life does not allow (only processing -> processed | failed is legal).
/// Not retryable: asking again cannot make it legal. The record was left unchanged.
/// </summary>
public sealed class IllegalClipTransitionException : Exception, INonRetryableFailure
{
    public IllegalClipTransitionException(string clipId, ClipStatus from, ClipStatus to, string transitionId)
        : base($"Clip '{clipId}' cannot go from '{from.ToName()}' to '{to.ToName()}' (transition '{transitionId}'): only processing -> processed | failed is allowed; the record is unchanged.")
    {
        ClipId = clipId;
        From = from;
        To = to;
        TransitionId = transitionId;
    }

    public string ClipId { get; }

    public ClipStatus From { get; }

    public ClipStatus To { get; }

    public string TransitionId { get; }
}

/// <summary>A transition was asked for a clip that has no record. Not retryable: the record is created first, by the workflow's first step.</summary>
public sealed class ClipRecordNotFoundException : Exception, INonRetryableFailure
{
    public ClipRecordNotFoundException(string clipId)
        : base($"No clip record '{clipId}'.")
    {
        ClipId = clipId;
    }

    public string ClipId { get; }
}
