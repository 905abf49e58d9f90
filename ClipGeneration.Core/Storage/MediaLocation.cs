using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Storage;

/// <summary>Where a media object lives: an S3 object (<c>s3://bucket/key</c>) or a file under a local folder.</summary>
public enum MediaScheme
{
    Local,
    S3,
}

/// <summary>
/// A media object's address: <c>s3://bucket/key</c> or an absolute local path. Immutable, normalized
/// (no <c>.</c> or <c>..</c> segments, forward slashes), and serialized as its string form.
/// </summary>
/// <remarks>
/// Parsing never touches the file system or the network. Relative references found inside playlists are
/// resolved with <see cref="Resolve"/>; whether the result may be used is the caller's decision
/// (see <see cref="IsWithin"/>).
/// </remarks>
[JsonConverter(typeof(MediaLocationJsonConverter))]
public sealed record MediaLocation
{
    private MediaLocation(MediaScheme scheme, string bucket, string path)
    {
        Scheme = scheme;
        Bucket = bucket;
        Path = path;
    }

    public MediaScheme Scheme { get; }

    /// <summary>Gets the bucket for S3 locations; empty for local ones.</summary>
    public string Bucket { get; }

    /// <summary>Gets the key for S3 (no leading slash) or the absolute path for local files.</summary>
    public string Path { get; }

    /// <summary>Gets the last path segment (the file name).</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>Gets the folder / key prefix this object is in, ending with '/'.</summary>
    public MediaLocation Folder
    {
        get
        {
            var slash = Path.LastIndexOf('/');
            return new MediaLocation(Scheme, Bucket, slash < 0 ? string.Empty : Path[..(slash + 1)]);
        }
    }

    public static MediaLocation S3(string bucket, string key) => Parse($"s3://{bucket}/{key}");

    public static MediaLocation Local(string absolutePath) => Parse(absolutePath);

    /// <summary>Parses <c>s3://bucket/key</c> or an absolute local path.</summary>
    /// <exception cref="FormatException">The text is neither, or has a malformed part.</exception>
    public static MediaLocation Parse(string text)
    {
        if (!TryParse(text, out var location, out var error))
        {
            throw new FormatException(error);
        }

        return location;
    }

    public static bool TryParse(string? text, out MediaLocation location, out string error)
    {
        location = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a media location is required (s3://bucket/key or an absolute path)";
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal))
        {
            error = $"'{text}' contains a NUL or backslash character";
            return false;
        }

        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[5..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var bucket = slash < 0 ? rest : rest[..slash];
            if (!IsValidBucketName(bucket))
            {
                error = $"'{text}' has an invalid bucket name '{bucket}'";
                return false;
            }

            var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
            if (!TryNormalize(key, rooted: false, out var normalizedKey))
            {
                error = $"'{text}' has a key that climbs above the bucket with '..'";
                return false;
            }

            location = new MediaLocation(MediaScheme.S3, bucket, normalizedKey);
            error = string.Empty;
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{text}' uses a scheme other than s3://; only s3:// URIs and local paths are media locations";
            return false;
        }

        if (!text.StartsWith('/'))
        {
            error = $"'{text}' is not an absolute path";
            return false;
        }

        if (!TryNormalize(text, rooted: true, out var normalizedPath))
        {
            error = $"'{text}' climbs above the file system root with '..'";
            return false;
        }

        location = new MediaLocation(MediaScheme.Local, string.Empty, normalizedPath);
        error = string.Empty;
        return true;
    }

    /// <summary>Appends a relative path (already known to be relative) under this folder-like location.</summary>
    public MediaLocation Combine(string relativePath)
    {
        var basePath = Path.Length == 0 || Path.EndsWith('/') ? Path : Path + "/";
        return Scheme == MediaScheme.S3 ? S3(Bucket, basePath + relativePath) : Local(basePath + relativePath);
    }

    /// <summary>
    /// Resolves a reference found in a playlist at this location, as a browser resolves a relative URL:
    /// a relative path against this object's folder, an absolute path against the bucket or file system root,
    /// an <c>s3://</c> URI as itself. Other schemes (http, file, data) are refused.
    /// </summary>
    /// <exception cref="FormatException">The reference is of a scheme a playlist may not use, or malformed.</exception>
    public MediaLocation Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var trimmed = reference.Trim();
        if (trimmed.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return Parse(trimmed);
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            throw new FormatException($"'{reference}' uses the scheme '{trimmed[..colon]}:', which a playlist may not reference");
        }

        // Query strings and fragments mean nothing to S3 keys or files; they are dropped.
        var cut = trimmed.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut >= 0 ? trimmed[..cut] : trimmed);
        if (path.StartsWith('/'))
        {
            return Scheme == MediaScheme.S3 ? S3(Bucket, path.TrimStart('/')) : Local(path);
        }

        var folder = Folder.Path;
        return Scheme == MediaScheme.S3 ? S3(Bucket, folder + path) : Local(folder + path);
    }

    /// <summary>
    /// The object named <paramref name="plainFileName"/> in this location's folder, without re-parsing: the fast path
    /// for the thousands of chunk names a playlist lists. The caller guarantees a plain name (no '/', '\\', ':', NUL,
    /// and not '.' or '..'); anything else goes through <see cref="Resolve"/>.
    /// </summary>
    internal MediaLocation SiblingUnchecked(string plainFileName)
    {
        var slash = Path.LastIndexOf('/');
        return new MediaLocation(Scheme, Bucket, string.Concat(Path.AsSpan(0, slash + 1), plainFileName));
    }

    /// <summary>True when this location is <paramref name="root"/> itself or lies below it.</summary>
    public bool IsWithin(MediaLocation root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Scheme != root.Scheme || !string.Equals(Bucket, root.Bucket, StringComparison.Ordinal))
        {
            return false;
        }

        if (root.Path.Length == 0 || root.Path == "/")
        {
            return true;
        }

        var prefix = root.Path.EndsWith('/') ? root.Path : root.Path + "/";
        return Path.StartsWith(prefix, StringComparison.Ordinal) || string.Equals(Path, root.Path.TrimEnd('/'), StringComparison.Ordinal);
    }

    public override string ToString() => Scheme == MediaScheme.S3 ? $"s3://{Bucket}/{Path}" : Path;

    private static bool IsValidBucketName(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
        {
            return false;
        }

        foreach (var c in bucket)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return bucket[0] != '.' && bucket[0] != '-';
    }

    /// <summary>Removes '.' and empty segments and applies '..'; fails when '..' climbs above the root.</summary>
    private static bool TryNormalize(string path, bool rooted, out string normalized)
    {
        var segments = new List<string>();
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (segments.Count == 0)
                {
                    normalized = string.Empty;
                    return false;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
        }

        var joined = string.Join('/', segments);
        var trailingSlash = path.EndsWith('/') && segments.Count > 0;
        normalized = (rooted ? "/" : string.Empty) + joined + (trailingSlash ? "/" : string.Empty);
        return true;
    }

    private sealed class MediaLocationJsonConverter : JsonConverter<MediaLocation>
    {
        public override MediaLocation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (!TryParse(text, out var location, out var error))
            {
                throw new JsonException(error);
            }

            return location;
        }

        public override void Write(Utf8JsonWriter writer, MediaLocation value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.ToString());
    }
}
