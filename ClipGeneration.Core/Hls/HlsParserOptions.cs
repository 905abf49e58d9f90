namespace ClipGeneration.Core.Hls;

/// <summary>Limits and allow-lists the playlist parser and loader apply to text they did not write.</summary>
/// <remarks>
/// Defaults: 16 MiB, 200,000 lines, chunks of at most 24 hours and at most 10x EXT-X-TARGETDURATION,
/// no HTTP hosts. A 24-hour recording of 2-second chunks is about 2 MiB and 90,000 lines, so the limits
/// leave room for real recordings while keeping memory and time bounded.
/// </remarks>
public sealed record HlsParserOptions
{
    public static HlsParserOptions Default { get; } = new();

    /// <summary>Gets the largest playlist accepted, in bytes (UTF-8) or characters.</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Gets the largest number of lines accepted.</summary>
    public int MaxLines { get; init; } = 200_000;

    /// <summary>Gets the longest EXTINF accepted, in seconds; longer ones are typos (milliseconds written as seconds).</summary>
    public double MaxChunkSeconds { get; init; } = 24 * 3600;

    /// <summary>
    /// Gets how many times EXT-X-TARGETDURATION a chunk may last. RFC 8216 says a chunk never exceeds the target
    /// duration (rounded); muxers overshoot a little, so only a large factor is treated as a broken playlist.
    /// </summary>
    public double MaxChunkToTargetRatio { get; init; } = 10;

    /// <summary>
    /// Gets the hosts absolute <c>http://</c> / <c>https://</c> URIs inside playlists may name (case-insensitive).
    /// Empty by default: such URIs are rejected. <c>file:</c> URIs are always rejected.
    /// </summary>
    public IReadOnlyCollection<string> AllowedHttpHosts { get; init; } = [];
}
