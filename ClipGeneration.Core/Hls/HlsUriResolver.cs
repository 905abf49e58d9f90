using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Hls;

/// <summary>
/// Resolves a URI found in a playlist and confines it: the result must lie within the recording's root (the folder
/// or bucket prefix of the playlist the request named); absolute <c>http(s)://</c> URIs are refused unless their host
/// is allowed; <c>file:</c> and other schemes are always refused.
/// </summary>
/// <remarks>Bad input throws <see cref="HlsParseException"/> naming the line and tag.</remarks>
internal sealed class HlsUriResolver
{
    private readonly MediaLocation _playlist;
    private readonly MediaLocation _root;
    private readonly HlsParserOptions _options;

    public HlsUriResolver(MediaLocation playlist, MediaLocation root, HlsParserOptions options)
    {
        _playlist = playlist;
        _root = root;
        _options = options;
    }

    public MediaLocation Resolve(string reference, int lineNumber, string tag)
    {
        var trimmed = reference.Trim();
        if (trimmed.Length == 0)
        {
            throw new HlsParseException(lineNumber, tag, "the URI is empty");
        }

        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var host = HostOf(trimmed);
            if (!_options.AllowedHttpHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                throw new HlsParseException(lineNumber, tag, $"'{trimmed}' is an absolute HTTP URI on host '{host}', which is not in the allowed hosts (AllowedHttpHosts)");
            }

            // Media locations are s3:// or local; no media store reads HTTP, so an allowed host still cannot be served.
            throw new HlsParseException(lineNumber, tag, $"'{trimmed}' is on an allowed host, but no media store reads HTTP URIs; copy the recording to S3 or a local folder");
        }

        if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new HlsParseException(lineNumber, tag, $"'{trimmed}' is a file: URI; playlists may only use relative URIs or URIs inside the recording");
        }

        MediaLocation resolved;
        if (IsPlainFileName(trimmed))
        {
            // Fast path for the common case (chunk files next to the playlist): no normalization needed.
            resolved = _playlist.SiblingUnchecked(trimmed);
        }
        else
        {
            try
            {
                resolved = _playlist.Resolve(trimmed);
            }
            catch (FormatException ex)
            {
                throw new HlsParseException(lineNumber, tag, ex.Message);
            }
        }

        if (!resolved.IsWithin(_root))
        {
            throw new HlsParseException(lineNumber, tag, $"'{trimmed}' resolves to '{resolved}', outside the recording's root '{_root}'");
        }

        return resolved;
    }

    private static bool IsPlainFileName(string text)
    {
        if (text is "." or "..")
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is '/' or ':' or '?' or '#' or '%' or '\\' or '\0')
            {
                return false;
            }
        }

        return true;
    }

    private static string HostOf(string absoluteUri)
    {
        var start = absoluteUri.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = absoluteUri.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? absoluteUri[start..] : absoluteUri[start..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 && !authority.EndsWith(']') ? authority[..colon] : authority;
    }
}
