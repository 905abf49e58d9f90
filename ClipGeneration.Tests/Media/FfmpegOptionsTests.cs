using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class FfmpegOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new FfmpegOptions().Validate();
    }

    [Fact]
    public void Validate_SeveralBadSettings_ListsEveryProblemInOneMessage()
    {
        var options = new FfmpegOptions { Path = "", Crf = 80, Preset = "warp", Timeout = TimeSpan.Zero, Threads = -1 };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Path is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Crf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Preset", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Threads", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClipMode.Keyframe, "\"keyframe\"")]
    [InlineData(ClipMode.Accurate, "\"accurate\"")]
    public void ClipMode_Json_UsesLowerCaseNames(ClipMode mode, string json)
    {
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(mode));
        Assert.Equal(mode, System.Text.Json.JsonSerializer.Deserialize<ClipMode>(json));
    }

    [Fact]
    public void KeyframeAtOrBefore_PicksLatestNotAfterStart()
    {
        Assert.Equal(2.0, SegmentExtractor.KeyframeAtOrBefore([0, 2, 4], 3.9));
        Assert.Equal(4.0, SegmentExtractor.KeyframeAtOrBefore([0, 2, 4], 4.0));
        Assert.Equal(1.0, SegmentExtractor.KeyframeAtOrBefore([1, 3], 0.5));
        Assert.Null(SegmentExtractor.KeyframeAtOrBefore([], 1));
    }
}
