using System.Buffers.Text;
using System.Text;

namespace ClipGeneration.Core.Records;

/// <summary>Opaque continuation tokens: base64url of a small payload with a version prefix, so a bad token fails clearly.</summary>
internal static class ListingToken
{
    private const string Prefix = "v1|";

    public static string Encode(string payload) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + payload));

    /// <summary>The payload of a token this store issued.</summary>
    /// <exception cref="ArgumentException">The token was not issued by this store.</exception>
    public static string Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return text[Prefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the one message below: the caller needs to know the token is bad, not why base64 failed.
        }

        throw new ArgumentException($"'{token}' is not a continuation token issued by this store.", nameof(token));
    }
}
