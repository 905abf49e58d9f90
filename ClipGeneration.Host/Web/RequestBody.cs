using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClipGeneration.Host.Web;

/// <summary>Reads a request body within the configured size limit, after checking its content type.</summary>
/// <remarks>
/// A content type outside <c>allowedMediaTypes</c> (or none) is 415; a declared or actual length over the limit is
/// 413 (the body is not read past the limit); an empty body is 400. Each answer is problem details saying what was
/// expected.
/// </remarks>
public sealed class RequestBody(long maxBytes)
{
    public long MaxBytes { get; } = maxBytes;

    public async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, IReadOnlyCollection<string> allowedMediaTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        if (mediaType is null || !allowedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, Problems.Status(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                $"Content-Type '{request.ContentType}' is not accepted here; send {string.Join(" or ", allowedMediaTypes)}."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(request));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge(request));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.BadRequest("$", "the body is empty; a JSON document is required"));
        }

        return (buffer.ToArray(), null);
    }

    private ProblemHttpResult TooLarge(HttpRequest request)
    {
        // The rest of the body is not read, so Kestrel closes the connection after answering; saying so keeps
        // clients from sending their next request on a connection that is about to go away.
        request.HttpContext.Response.Headers.Connection = "close";
        return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body is larger than the limit of {MaxBytes} bytes (ClipGeneration:MaxRequestBodyBytes).");
    }
}
