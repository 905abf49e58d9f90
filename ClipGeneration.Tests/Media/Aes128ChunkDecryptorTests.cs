using System.Security.Cryptography;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Media;

public sealed class Aes128ChunkDecryptorTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void GetIv_NoExplicitIv_IsSequenceNumberBigEndian()
    {
        var iv = Aes128ChunkDecryptor.GetIv(null, 0x0102);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 }, iv);
    }

    [Fact]
    public void GetIv_ExplicitHexIv_IsParsed()
    {
        var iv = Aes128ChunkDecryptor.GetIv("0x000102030405060708090A0B0C0D0E0F", 9);

        Assert.Equal(Key, iv);
    }

    [Theory]
    [InlineData("0xZZ")]
    [InlineData("0x")]
    public void GetIv_MalformedIv_ThrowsInvalidData(string iv)
    {
        Assert.Throws<InvalidDataException>(() => Aes128ChunkDecryptor.GetIv(iv, 0));
    }

    [Fact]
    public void Decrypt_CiphertextOfSequenceIv_RoundTrips()
    {
        var plain = "an MPEG-TS chunk, pretend"u8.ToArray();
        using var aes = Aes.Create();
        aes.Key = Key;
        var cipher = aes.EncryptCbc(plain, Aes128ChunkDecryptor.GetIv(null, 7), PaddingMode.PKCS7);
        var hlsKey = new HlsKey("AES-128", MediaLocation.Local("/k/key.bin"), null, null);

        Assert.Equal(plain, Aes128ChunkDecryptor.Decrypt(cipher, Key, hlsKey, 7));
    }

    [Fact]
    public void Decrypt_WrongKeyLength_ThrowsNamingTheKey()
    {
        var hlsKey = new HlsKey("AES-128", MediaLocation.Local("/k/key.bin"), null, null);

        var ex = Assert.Throws<InvalidDataException>(() => Aes128ChunkDecryptor.Decrypt(new byte[16], new byte[5], hlsKey, 0));
        Assert.Contains("/k/key.bin", ex.Message, StringComparison.Ordinal);
    }
}
