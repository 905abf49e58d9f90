using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class StreamCompatibilityTests
{
    private static MediaStreamInfo Video(int width = 320, string fps = "25/1") =>
        new(0, "video", "h264", "High", width, 180, fps, fps, "yuv420p", null, null, null, "1/12800", 2, 0, false);

    private static MediaStreamInfo Audio(int rate = 48000) =>
        new(1, "audio", "aac", "LC", null, null, null, null, null, rate, 2, "stereo", "1/48000", 2, 0, false);

    private static MediaInfo File(params MediaStreamInfo[] streams) => new("mov", 2, 0, 100, 1000, streams);

    [Fact]
    public void FindDifferences_SameParameters_ReturnsNone()
    {
        Assert.Empty(StreamCompatibility.FindDifferences([File(Video(), Audio()), File(Video(), Audio()), File(Video(), Audio())]));
    }

    [Fact]
    public void FindDifferences_OtherSizeRateAndMissingAudio_NamesEachDifference()
    {
        var differences = StreamCompatibility.FindDifferences([File(Video(), Audio()), File(Video(width: 640, fps: "30/1"), Audio(44100)), File(Video())]);

        Assert.Contains(differences, d => d.Contains("file 1 video width", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("file 1 video frame rate", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("file 1 audio sample rate", StringComparison.Ordinal));
        Assert.Contains("file 2 has no audio stream", differences);
    }
}
