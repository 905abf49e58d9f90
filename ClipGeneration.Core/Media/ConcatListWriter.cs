using System.Text;

namespace ClipGeneration.Core.Media;

/// <summary>Writes the list file of ffmpeg's concat demuxer (<c>ffconcat version 1.0</c>). Pure formatting.</summary>
/// <remarks>
/// Every path is single-quoted with <c>'</c> written as <c>'\''</c>, the demuxer's own escape, so no file name can
/// add a directive. Only absolute paths the caller generated are accepted (the list is read with <c>-safe 0</c>);
/// a relative path, or one containing a line break or NUL, throws <see cref="ArgumentException"/> naming it.
/// </remarks>
public static class ConcatListWriter
{
    public static string Format(IReadOnlyList<string> absolutePaths)
    {
        ArgumentNullException.ThrowIfNull(absolutePaths);
        if (absolutePaths.Count == 0)
        {
            throw new ArgumentException("A concat list needs at least one file.", nameof(absolutePaths));
        }

        var builder = new StringBuilder("ffconcat version 1.0\n");
        foreach (var path in absolutePaths)
        {
            if (!Path.IsPathFullyQualified(path))
            {
                throw new ArgumentException($"'{path}' is not an absolute path; concat lists take only absolute paths.", nameof(absolutePaths));
            }

            if (path.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            {
                throw new ArgumentException($"'{path.ReplaceLineEndings(" ")}' contains a line break or NUL, which a concat list cannot hold.", nameof(absolutePaths));
            }

            builder.Append("file '").Append(Escape(path)).Append("'\n");
        }

        return builder.ToString();
    }

    /// <summary>Escapes a value for a single-quoted concat-list string: <c>'</c> becomes <c>'\''</c>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("'", "'\\''", StringComparison.Ordinal);
    }
}
