using ClipGeneration.Core.Hls;

namespace ClipGeneration.Tests.Hls;

public sealed class HlsAttributeListTests
{
    [Fact]
    public void Parse_QuotedAndPlainValues_SplitsOnCommasOutsideQuotes()
    {
        var attributes = HlsAttributeList.Parse("BANDWIDTH=1280000, CODECS=\"avc1.4d401e,mp4a.40.2\",RESOLUTION=640x360,");

        Assert.Equal("1280000", attributes["BANDWIDTH"]);
        Assert.Equal("avc1.4d401e,mp4a.40.2", attributes["CODECS"]);
        Assert.Equal("640x360", attributes["RESOLUTION"]);
        Assert.Equal(3, attributes.Count);
    }

    [Theory]
    [InlineData("A=1,A=2", "appears twice")]
    [InlineData("A=\"x\"y", "after its closing quote")]
    [InlineData("=1", "no '=value'")]
    public void Parse_Malformed_ThrowsFormatException(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => HlsAttributeList.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
