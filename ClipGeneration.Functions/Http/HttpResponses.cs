using System.Net;
using System.Text.Json;
using ClipGeneration.Core.Requests;
using Microsoft.Azure.Functions.Worker.Http;

namespace ClipGeneration.Functions.Http;

/// <summary>JSON and problem-details (RFC 9457) responses, shaped as the Host writes them.</summary>
internal static class HttpResponses
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>400 with every problem: <c>errors</c> maps each field to its reasons, as ASP.NET Core's ValidationProblemDetails does.</summary>
    public static Task<HttpResponseData> ValidationProblemAsync(HttpRequestData request, string title, IReadOnlyList<RequestProblem> problems)
    {
        var body = new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            title,
            status = (int)HttpStatusCode.BadRequest,
            detail = string.Join("; ", problems),
            errors = problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray(), StringComparer.Ordinal),
        };
        return WriteAsync(request, HttpStatusCode.BadRequest, body, "application/problem+json; charset=utf-8");
    }

    public static Task<HttpResponseData> JsonAsync(HttpRequestData request, HttpStatusCode status, object body)
        => WriteAsync(request, status, body, "application/json; charset=utf-8");

    private static async Task<HttpResponseData> WriteAsync(HttpRequestData request, HttpStatusCode status, object body, string contentType)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", contentType);
        await response.WriteStringAsync(JsonSerializer.Serialize(body, Json));
        return response;
    }

    /// <summary>Reads the whole request body; bodies are small JSON documents.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
