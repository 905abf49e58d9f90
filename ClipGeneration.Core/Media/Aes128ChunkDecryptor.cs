using System.Globalization;
using System.Security.Cryptography;
using ClipGeneration.Core.Hls;

namespace ClipGeneration.Core.Media;

/// <summary>Decrypts HLS AES-128 chunks (RFC 8216 section 5.2: AES-128-CBC with PKCS7 padding). Pure.</summary>
/// <remarks>
/// The IV is the key's explicit IV, or else the chunk's media sequence number as a 128-bit big-endian integer.
/// Bad input: a key that is not 16 bytes, a malformed IV, or ciphertext that does not decrypt (wrong key, not a
/// multiple of 16 bytes, bad padding) throw <see cref="InvalidDataException"/> saying which.
/// </remarks>
public static class Aes128ChunkDecryptor
{
    public static byte[] Decrypt(byte[] ciphertext, byte[] key, HlsKey hlsKey, long sequenceNumber)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(hlsKey);
        if (key.Length != 16)
        {
            throw new InvalidDataException($"The AES-128 key at '{hlsKey.Uri}' is {key.Length} bytes long; it must be 16.");
        }

        var iv = GetIv(hlsKey.InitializationVector, sequenceNumber);
        using var aes = Aes.Create();
        aes.Key = key;
        try
        {
            return aes.DecryptCbc(ciphertext, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException($"AES-128 decryption with the key at '{hlsKey.Uri}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>The 16-byte IV: the explicit hex IV (<c>0x...</c>), else the sequence number, big-endian.</summary>
    public static byte[] GetIv(string? explicitIv, long sequenceNumber)
    {
        var iv = new byte[16];
        if (explicitIv is null)
        {
            for (var i = 0; i < 8; i++)
            {
                iv[15 - i] = (byte)(sequenceNumber >> (8 * i));
            }

            return iv;
        }

        var hex = explicitIv.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? explicitIv[2..] : explicitIv;
        if (hex.Length is 0 or > 32 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new InvalidDataException($"'{explicitIv}' is not a hexadecimal AES-128 IV of at most 128 bits.");
        }

        hex = hex.PadLeft(32, '0');
        for (var i = 0; i < 16; i++)
        {
            iv[i] = byte.Parse(hex.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return iv;
    }
}
