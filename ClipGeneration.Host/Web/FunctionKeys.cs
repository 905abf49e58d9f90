using System.Security.Cryptography;
using System.Text;

namespace ClipGeneration.Host.Web;

/// <summary>API keys as Azure Functions' function keys: the <c>x-functions-key</c> header or the <c>code</c> query parameter.</summary>
/// <remarks>
/// Keys come from <c>ClipGeneration:ApiKeys</c> (comma-separated). Both sides are hashed with SHA-256 and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken says nothing about how much of a key matched
/// (nor its length). With no keys configured every protected route answers 401: the host never runs open by accident.
/// </remarks>
public sealed class FunctionKeys
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[][] _keyHashes;

    public FunctionKeys(IEnumerable<string> keys)
    {
        _keyHashes = [.. keys.Where(k => k.Length > 0).Select(Hash)];
    }

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = Hash(presented);
        var valid = false;
        foreach (var key in _keyHashes)
        {
            // No early exit: every configured key is compared.
            valid |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return valid;
    }

    /// <summary>The key a request presents: the header first, then the query parameter.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header : request.Query[QueryName].ToString();
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>The endpoint filter that refuses requests without a valid key (401 problem details).</summary>
public sealed class FunctionKeyFilter(FunctionKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!keys.IsValid(FunctionKeys.Presented(context.HttpContext.Request)))
        {
            return Problems.Unauthorized();
        }

        return await next(context);
    }
}

public static class FunctionKeyEndpointExtensions
{
    /// <summary>Requires a valid function key on every endpoint of the builder.</summary>
    public static TBuilder RequireFunctionKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter<TBuilder, FunctionKeyFilter>();
}
