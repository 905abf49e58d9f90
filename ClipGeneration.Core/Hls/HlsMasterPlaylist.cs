using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Hls;

/// <summary>A parsed HLS master (multivariant) playlist: its variant streams.</summary>
public sealed record HlsMasterPlaylist(MediaLocation Location, IReadOnlyList<HlsVariant> Variants);

/// <summary>One EXT-X-STREAM-INF variant.</summary>
/// <param name="Uri">Resolved location of the variant's media playlist.</param>
/// <param name="Bandwidth">BANDWIDTH in bits per second.</param>
/// <param name="Width">RESOLUTION width, when present.</param>
/// <param name="Height">RESOLUTION height, when present.</param>
/// <param name="Codecs">CODECS, when present.</param>
public sealed record HlsVariant(MediaLocation Uri, long Bandwidth, int? Width, int? Height, string? Codecs);
