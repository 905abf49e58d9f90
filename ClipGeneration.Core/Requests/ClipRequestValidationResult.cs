namespace ClipGeneration.Core.Requests;

/// <summary>The outcome of <c>ClipRequestValidator.Check</c>: a validated request or every rule it broke.</summary>
public sealed record ClipRequestValidationResult
{
    private ClipRequestValidationResult(ValidatedClipRequest? request, IReadOnlyList<RequestProblem> problems)
    {
        Request = request;
        Problems = problems;
    }

    public ValidatedClipRequest? Request { get; }

    public IReadOnlyList<RequestProblem> Problems { get; }

    public bool IsValid => Request is not null;

    public static ClipRequestValidationResult Success(ValidatedClipRequest request) => new(request, []);

    public static ClipRequestValidationResult Failure(IReadOnlyList<RequestProblem> problems) => new(null, problems);

    /// <summary>Returns the request, or throws <see cref="ClipRequestValidationException"/> listing every problem.</summary>
    public ValidatedClipRequest GetRequestOrThrow() => Request ?? throw new ClipRequestValidationException(Problems);
}
