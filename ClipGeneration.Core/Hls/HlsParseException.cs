using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Hls;

/// <summary>
/// A playlist could not be used: it is not HLS, a tag has a malformed value, a duration is absurd, it is too
/// large, or a URI inside it points outside the recording. Not retryable: the same text fails the same way.
/// </summary>
/// <remarks>The message starts with "line N (TAG):" when the problem is on one line, so users can find it.</remarks>
public sealed class HlsParseException : Exception, INonRetryableFailure
{
    public HlsParseException(int lineNumber, string? tag, string problem)
        : base(lineNumber > 0 ? $"line {lineNumber}{(tag is null ? string.Empty : $" ({tag})")}: {problem}" : problem)
    {
        LineNumber = lineNumber;
        Tag = tag;
        Problem = problem;
    }

    /// <summary>Gets the 1-based line the problem is on, or 0 when it concerns the whole playlist.</summary>
    public int LineNumber { get; }

    /// <summary>Gets the tag (e.g. <c>#EXTINF</c>) the problem is in, when there is one.</summary>
    public string? Tag { get; }

    /// <summary>Gets the problem without the line prefix.</summary>
    public string Problem { get; }
}
