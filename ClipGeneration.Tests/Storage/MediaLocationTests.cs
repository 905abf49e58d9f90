using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Storage;

public sealed class MediaLocationTests
{
    [Theory]
    [InlineData("s3://recordings/stream42/index.m3u8", "s3://recordings/stream42/index.m3u8")]
    [InlineData("s3://recordings/stream42/./a/../index.m3u8", "s3://recordings/stream42/index.m3u8")]
    [InlineData("/media/stream42//index.m3u8", "/media/stream42/index.m3u8")]
    public void Parse_ValidText_Normalizes(string text, string expected)
        => Assert.Equal(expected, MediaLocation.Parse(text).ToString());

    [Theory]
    [InlineData("", "required")]
    [InlineData("http://example.com/a.m3u8", "scheme")]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("relative/index.m3u8", "absolute")]
    [InlineData("s3://Bad_Bucket!/a", "bucket")]
    [InlineData("s3://recordings/../other/a", "climbs")]
    public void TryParse_BadText_FailsWithReason(string text, string reason)
    {
        Assert.False(MediaLocation.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://recordings/s42/index.m3u8", "chunk0.ts", "s3://recordings/s42/chunk0.ts")]
    [InlineData("s3://recordings/s42/hi/index.m3u8", "../lo/chunk0.ts", "s3://recordings/s42/lo/chunk0.ts")]
    [InlineData("s3://recordings/s42/index.m3u8", "/other/chunk0.ts", "s3://recordings/other/chunk0.ts")]
    [InlineData("/media/s42/index.m3u8", "chunk%200.ts?token=1", "/media/s42/chunk 0.ts")]
    public void Resolve_Reference_ResolvesLikeAUrl(string playlist, string reference, string expected)
        => Assert.Equal(expected, MediaLocation.Parse(playlist).Resolve(reference).ToString());

    [Theory]
    [InlineData("http://evil.example/chunk.ts")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/plain,hi")]
    public void Resolve_ForeignScheme_Throws(string reference)
        => Assert.Throws<FormatException>(() => MediaLocation.Parse("/media/s42/index.m3u8").Resolve(reference));

    [Theory]
    [InlineData("/media/s42/chunk.ts", "/media/s42/", true)]
    [InlineData("/media/s420/chunk.ts", "/media/s42/", false)]
    [InlineData("s3://recordings/s42/a.ts", "s3://recordings/s42/", true)]
    [InlineData("s3://other/s42/a.ts", "s3://recordings/s42/", false)]
    public void IsWithin_ComparesBucketAndPrefix(string location, string root, bool expected)
        => Assert.Equal(expected, MediaLocation.Parse(location).IsWithin(MediaLocation.Parse(root)));
}
