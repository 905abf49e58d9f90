using ClipGeneration.Core.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClipGeneration.Host.Web;

/// <summary>RFC 7807 problem details for every error the host answers, so clients read one shape.</summary>
/// <remarks>Bad-request answers carry <c>errors</c>: field path to reasons, every invalid field at once.</remarks>
public static class Problems
{
    public static ProblemHttpResult Status(int status, string title, string detail)
        => TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Unauthorized()
        => Status(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid API key is required: send it in the x-functions-key header or the code query parameter.");

    public static ProblemHttpResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Gone(string detail) => Status(StatusCodes.Status410Gone, "Gone", detail);

    /// <summary>A 400 listing every problem by field; the detail repeats them in one sentence for logs and humans.</summary>
    public static ProblemHttpResult BadRequest(IReadOnlyList<RequestProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(
            detail: string.Join("; ", problems.Select(p => p.ToString())),
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is invalid",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
    }

    public static ProblemHttpResult BadRequest(string field, string reason) => BadRequest([new RequestProblem(field, reason)]);
}
