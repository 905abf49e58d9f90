using System.Text;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Hls;

/// <summary>
/// Reads a playlist through an <see cref="IMediaStore"/>, parses it, and follows a master playlist to one variant,
/// keeping every URI inside (variant, chunk, init section, key) within the recording's root: the folder or bucket
/// prefix of the playlist the request named.
/// </summary>
/// <remarks>
/// The variant is the one with the highest BANDWIDTH, or the one whose BANDWIDTH equals the requested one.
/// Bad input: a playlist over <see cref="HlsParserOptions.MaxBytes"/> (read stops at the limit), invalid UTF-8, a
/// malformed playlist, a URI outside the root, a master playlist naming another master, or a requested bandwidth no
/// variant has throw <see cref="HlsParseException"/>; a missing object throws <see cref="MediaNotFoundException"/>.
/// </remarks>
public sealed class PlaylistLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IMediaStore _store;
    private readonly HlsParserOptions _options;

    public PlaylistLoader(IMediaStore store, HlsParserOptions? options = null)
    {
        _store = store;
        _options = options ?? HlsParserOptions.Default;
    }

    /// <summary>
    /// Loads the media playlist at <paramref name="manifest"/> (whose folder is the recording's root), or, for a master
    /// playlist, the variant whose BANDWIDTH is <paramref name="bandwidth"/> (null: the highest).
    /// </summary>
    public async Task<HlsMediaPlaylist> LoadAsync(MediaLocation manifest, long? bandwidth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var root = manifest.Folder;
        var text = await ReadTextAsync(manifest, cancellationToken);
        switch (HlsPlaylistParser.Parse(text, manifest, root, _options))
        {
            case HlsPlaylist.Media media:
                return media.Playlist;
            case HlsPlaylist.Master master:
                var variant = ChooseVariant(master.Playlist, bandwidth);
                var variantText = await ReadTextAsync(variant.Uri, cancellationToken);
                return HlsPlaylistParser.Parse(variantText, variant.Uri, root, _options) is HlsPlaylist.Media variantMedia
                    ? variantMedia.Playlist
                    : throw new HlsParseException(0, "#EXT-X-STREAM-INF", $"variant '{variant.Uri}' is itself a master playlist; only one level of variants is followed");
            default:
                throw new InvalidOperationException("the parser returned an unknown playlist kind");
        }
    }

    /// <summary>The highest BANDWIDTH, or the exact requested one.</summary>
    public static HlsVariant ChooseVariant(HlsMasterPlaylist master, long? bandwidth)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (bandwidth is { } wanted)
        {
            return master.Variants.FirstOrDefault(v => v.Bandwidth == wanted)
                ?? throw new HlsParseException(0, "#EXT-X-STREAM-INF",
                    $"no variant of '{master.Location}' has BANDWIDTH={wanted}; available: {string.Join(", ", master.Variants.Select(v => v.Bandwidth))}");
        }

        return master.Variants.MaxBy(v => v.Bandwidth)!;
    }

    private async Task<string> ReadTextAsync(MediaLocation location, CancellationToken cancellationToken)
    {
        var stream = await _store.OpenReadAsync(location, range: null, cancellationToken);
        await using (stream)
        {
            // Read at most one byte past the limit: enough to know it is exceeded, without buffering a huge object.
            var limit = _options.MaxBytes;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    throw new HlsParseException(0, null, $"'{location}' is larger than the playlist limit of {limit} bytes");
                }
            }

            try
            {
                return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
            catch (DecoderFallbackException)
            {
                throw new HlsParseException(0, null, $"'{location}' is not UTF-8 text, so it is not an HLS playlist");
            }
        }
    }
}
