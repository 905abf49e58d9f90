namespace ClipGeneration.Core.Requests;

/// <summary>What <see cref="ClipRequestReader"/> made of a document: a request, or every problem it found.</summary>
public sealed record ClipRequestReadResult
{
    private ClipRequestReadResult(ClipRequest? request, ClipRequest? partial, IReadOnlyList<RequestProblem> problems)
    {
        Request = request;
        Partial = partial;
        Problems = problems;
    }

    /// <summary>Gets the request when the document had none of the problems; otherwise null.</summary>
    public ClipRequest? Request { get; }

    /// <summary>
    /// Gets, on failure, what could be read: unreadable strings as empty, unreadable segments as null entries
    /// (so indexes still match the document). Lets the validator report rule violations in the same answer.
    /// </summary>
    public ClipRequest? Partial { get; }

    public IReadOnlyList<RequestProblem> Problems { get; }

    public bool IsValid => Request is not null;

    public static ClipRequestReadResult Success(ClipRequest request) => new(request, request, []);

    public static ClipRequestReadResult Failure(IReadOnlyList<RequestProblem> problems, ClipRequest? partial = null)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("a failure needs at least one problem", nameof(problems));
        }

        return new(null, partial, problems);
    }
}
