using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class ConcatListWriterTests
{
    [Fact]
    public void Format_PathWithQuote_EscapesItAsTheDemuxerExpects()
    {
        var text = ConcatListWriter.Format(["/tmp/a.mp4", "/tmp/it's here.mp4"]);

        Assert.Equal("ffconcat version 1.0\nfile '/tmp/a.mp4'\nfile '/tmp/it'\\''s here.mp4'\n", text);
    }

    [Theory]
    [InlineData("relative.mp4")]
    [InlineData("/tmp/line\nfile '/etc/passwd'")]
    public void Format_RelativeOrMultiLinePath_ThrowsArgumentException(string path)
    {
        Assert.Throws<ArgumentException>(() => ConcatListWriter.Format([path]));
    }

    [Fact]
    public void Format_NoPaths_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ConcatListWriter.Format([]));
    }
}
