using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Hls;

/// <summary>A parsed HLS media playlist (RFC 8216 section 4.3.3): its chunks with their absolute timing.</summary>
/// <param name="Location">Where the playlist was read from; chunk URIs are resolved against it.</param>
/// <param name="Version">EXT-X-VERSION, when present.</param>
/// <param name="TargetDuration">EXT-X-TARGETDURATION in seconds.</param>
/// <param name="MediaSequence">EXT-X-MEDIA-SEQUENCE: the sequence number of the first chunk.</param>
/// <param name="DiscontinuitySequence">EXT-X-DISCONTINUITY-SEQUENCE of the first chunk.</param>
/// <param name="PlaylistType">EXT-X-PLAYLIST-TYPE (VOD, EVENT) when present.</param>
/// <param name="HasEndList">True when EXT-X-ENDLIST is present (the recording is complete).</param>
/// <param name="Chunks">The chunks in playlist order.</param>
/// <param name="UnknownTags">Tags the parser does not interpret, kept with their line numbers.</param>
public sealed record HlsMediaPlaylist(
    MediaLocation Location,
    int? Version,
    double TargetDuration,
    long MediaSequence,
    long DiscontinuitySequence,
    string? PlaylistType,
    bool HasEndList,
    IReadOnlyList<HlsChunk> Chunks,
    IReadOnlyList<HlsUnknownTag> UnknownTags)
{
    /// <summary>Gets the recording's length: the sum of every chunk's EXTINF duration.</summary>
    public double TotalDuration => Chunks.Count == 0 ? 0 : Chunks[^1].EndOffset;
}

/// <summary>One media chunk (an HLS "media segment") with every tag that applies to it.</summary>
/// <param name="Index">Position in the playlist, from 0.</param>
/// <param name="SequenceNumber">Media sequence number (EXT-X-MEDIA-SEQUENCE + index).</param>
/// <param name="Uri">Resolved location of the chunk.</param>
/// <param name="Duration">EXTINF duration in seconds.</param>
/// <param name="StartOffset">Seconds from the recording's start to this chunk's start (sum of earlier durations).</param>
/// <param name="DiscontinuitySequence">Discontinuity sequence number the chunk belongs to.</param>
/// <param name="ProgramDateTime">Wall-clock time of the chunk's first sample (explicit or extrapolated), when known.</param>
/// <param name="ByteRange">EXT-X-BYTERANGE, with the implicit offset already applied.</param>
/// <param name="InitSection">EXT-X-MAP in force for the chunk (fMP4 initialization section).</param>
/// <param name="Key">EXT-X-KEY in force for the chunk; null when METHOD=NONE.</param>
/// <param name="IsGap">EXT-X-GAP: the chunk has no media.</param>
/// <param name="Title">The EXTINF title, when present.</param>
public sealed record HlsChunk(
    int Index,
    long SequenceNumber,
    MediaLocation Uri,
    double Duration,
    double StartOffset,
    long DiscontinuitySequence,
    DateTimeOffset? ProgramDateTime,
    ByteRange? ByteRange,
    HlsInitSection? InitSection,
    HlsKey? Key,
    bool IsGap,
    string? Title)
{
    public double EndOffset => StartOffset + Duration;
}

/// <summary>EXT-X-MAP: the initialization section (fMP4 'ftyp'+'moov') a chunk needs before it can be decoded.</summary>
public sealed record HlsInitSection(MediaLocation Uri, ByteRange? ByteRange);

/// <summary>EXT-X-KEY with a method other than NONE.</summary>
/// <param name="Method">AES-128 or SAMPLE-AES (or SAMPLE-AES-CTR).</param>
/// <param name="Uri">Resolved key location.</param>
/// <param name="InitializationVector">The IV as hex (0x...), or null to use the media sequence number.</param>
/// <param name="KeyFormat">KEYFORMAT, when present.</param>
public sealed record HlsKey(string Method, MediaLocation Uri, string? InitializationVector, string? KeyFormat);

/// <summary>A tag the parser does not interpret (kept, never fatal).</summary>
public sealed record HlsUnknownTag(int LineNumber, string Line);
