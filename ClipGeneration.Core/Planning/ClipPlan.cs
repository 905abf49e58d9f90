using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Planning;

/// <summary>The chunks every requested range needs: the output of range mapping, the input of extraction.</summary>
/// <param name="Manifest">The media playlist the plan was made from (the chosen variant for master playlists).</param>
/// <param name="Ranges">One entry per requested range, in the request's order.</param>
public sealed record ClipPlan(MediaLocation Manifest, IReadOnlyList<RangePlan> Ranges);

/// <summary>One requested range, mapped onto the recording.</summary>
/// <param name="Index">The range's position in the request, from 0.</param>
/// <param name="Start">Seconds from the recording's start where the range starts.</param>
/// <param name="End">Seconds from the recording's start where it ends.</param>
/// <param name="Pieces">The range split at discontinuities: each piece lies within one discontinuity sequence.</param>
public sealed record RangePlan(int Index, double Start, double End, IReadOnlyList<PlannedPiece> Pieces)
{
    public double Duration => End - Start;
}

/// <summary>A contiguous run of chunks within one discontinuity sequence, and the part of it the range wants.</summary>
/// <param name="Chunks">The chunks, in order; the first starts at or before the wanted start, the last ends at or after the wanted end.</param>
/// <param name="StartOffset">Seconds from the first chunk's start to where the piece starts.</param>
/// <param name="Duration">Seconds of media the piece contributes.</param>
public sealed record PlannedPiece(IReadOnlyList<PlannedChunk> Chunks, double StartOffset, double Duration);

/// <summary>What extraction needs to fetch and decode one chunk.</summary>
/// <param name="Uri">Resolved chunk location.</param>
/// <param name="StartOffset">Seconds from the recording's start to the chunk's start.</param>
/// <param name="Duration">EXTINF duration.</param>
/// <param name="SequenceNumber">Media sequence number (the default AES-128 IV).</param>
/// <param name="ByteRange">Byte range within <paramref name="Uri"/>, when the playlist uses EXT-X-BYTERANGE.</param>
/// <param name="InitSection">fMP4 initialization section, when EXT-X-MAP applies.</param>
/// <param name="Key">Encryption key, when EXT-X-KEY applies.</param>
public sealed record PlannedChunk(
    MediaLocation Uri,
    double StartOffset,
    double Duration,
    long SequenceNumber,
    ByteRange? ByteRange,
    Hls.HlsInitSection? InitSection,
    Hls.HlsKey? Key);
