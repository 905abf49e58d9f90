using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Fetches the chunks of one piece from the media store and joins them into one local file ffmpeg can read with
/// the <c>file</c> protocol alone: the fMP4 init section first (once), then each chunk (its byte range only),
/// decrypted when AES-128 applies. Joining bytes is what ffmpeg's <c>concat:</c> protocol does for MPEG-TS and
/// what a fragmented MP4 is (init + fragments), so no playlist, and no network protocol, reaches ffmpeg.
/// </summary>
/// <remarks>
/// Bad input: a chunk or init section missing from the store throws <see cref="MediaNotFoundException"/> naming it;
/// an AES-128 key that is missing or does not decrypt throws <see cref="MediaKeyUnavailableException"/>; SAMPLE-AES
/// and other methods throw it too (only whole-chunk AES-128 is supported); a piece whose chunks name different init
/// sections throws <see cref="ArgumentException"/> (an init change is a discontinuity and starts a new piece).
/// </remarks>
public sealed class ChunkFetcher
{
    private readonly IMediaStore _store;

    public ChunkFetcher(IMediaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Writes the piece's bytes (init section, then every chunk in order) to <paramref name="localPath"/>, replacing it.</summary>
    public async Task FetchAsync(PlannedPiece piece, string localPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (piece.Chunks.Count == 0)
        {
            throw new ArgumentException("The piece names no chunks.", nameof(piece));
        }

        var init = piece.Chunks[0].InitSection;
        foreach (var chunk in piece.Chunks)
        {
            if (chunk.InitSection != init)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Uri}' uses init section '{chunk.InitSection?.Uri}' but the piece started with '{init?.Uri}'; an init change must start a new piece.",
                    nameof(piece));
            }
        }

        var keys = new Dictionary<MediaLocation, byte[]>();
        await using var output = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        if (init is not null)
        {
            await CopyAsync(init.Uri, init.ByteRange, output, cancellationToken);
        }

        foreach (var chunk in piece.Chunks)
        {
            if (chunk.Key is null)
            {
                await CopyAsync(chunk.Uri, chunk.ByteRange, output, cancellationToken);
                continue;
            }

            var key = await GetKeyAsync(chunk, keys, cancellationToken);
            byte[] ciphertext;
            await using (var input = await _store.OpenReadAsync(chunk.Uri, chunk.ByteRange, cancellationToken))
            {
                using var buffer = new MemoryStream();
                await input.CopyToAsync(buffer, cancellationToken);
                ciphertext = buffer.ToArray();
            }

            byte[] plaintext;
            try
            {
                plaintext = Aes128ChunkDecryptor.Decrypt(ciphertext, key, chunk.Key, chunk.SequenceNumber);
            }
            catch (InvalidDataException ex)
            {
                throw new MediaKeyUnavailableException(chunk.Uri, chunk.Key.Uri, ex.Message, ex);
            }

            await output.WriteAsync(plaintext, cancellationToken);
        }
    }

    private async Task CopyAsync(MediaLocation location, ByteRange? range, FileStream output, CancellationToken cancellationToken)
    {
        await using var input = await _store.OpenReadAsync(location, range, cancellationToken);
        await input.CopyToAsync(output, cancellationToken);
    }

    private async Task<byte[]> GetKeyAsync(PlannedChunk chunk, Dictionary<MediaLocation, byte[]> keys, CancellationToken cancellationToken)
    {
        var hlsKey = chunk.Key!;
        if (!string.Equals(hlsKey.Method, "AES-128", StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaKeyUnavailableException(chunk.Uri, hlsKey.Uri, $"encryption method {hlsKey.Method} is not supported (only AES-128)", null);
        }

        if (keys.TryGetValue(hlsKey.Uri, out var cached))
        {
            return cached;
        }

        try
        {
            await using var input = await _store.OpenReadAsync(hlsKey.Uri, null, cancellationToken);
            using var buffer = new MemoryStream();
            await input.CopyToAsync(buffer, cancellationToken);
            var key = buffer.ToArray();
            keys[hlsKey.Uri] = key;
            return key;
        }
        catch (MediaNotFoundException ex)
        {
            throw new MediaKeyUnavailableException(chunk.Uri, hlsKey.Uri, "the key is not in the media store", ex);
        }
        catch (ArgumentException ex)
        {
            throw new MediaKeyUnavailableException(chunk.Uri, hlsKey.Uri, "the key is not reachable through the media store", ex);
        }
    }
}
