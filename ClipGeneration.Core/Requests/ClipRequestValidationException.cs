using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Requests;

/// <summary>A clip request broke one or more rules; <see cref="Problems"/> lists all of them.</summary>
/// <remarks>Non-retryable: the same request fails the same way every time.</remarks>
public sealed class ClipRequestValidationException : Exception, INonRetryableFailure
{
    public ClipRequestValidationException(IReadOnlyList<RequestProblem> problems)
        : base("The clip request is invalid: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<RequestProblem> Problems { get; }
}
