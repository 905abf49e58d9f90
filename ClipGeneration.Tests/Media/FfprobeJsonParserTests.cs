using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class FfprobeJsonParserTests
{
    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Media", "TestData", name));

    [Fact]
    public void ParseMediaInfo_RecordedTsChunk_ReadsFormatAndBothStreams()
    {
        var info = FfprobeJsonParser.ParseMediaInfo(Recorded("ffprobe-ts-chunk.json"));

        Assert.Equal("mpegts", info.FormatName);
        Assert.Equal(2.0, info.Duration);
        Assert.Equal(3.421333, info.StartTime);
        Assert.Equal(199280, info.Size);
        Assert.Equal(797120, info.BitRate);
        var video = info.Video!;
        Assert.Equal("h264", video.CodecName);
        Assert.Equal(320, video.Width);
        Assert.Equal(180, video.Height);
        Assert.Equal("yuv420p", video.PixelFormat);
        Assert.Equal(25.0, video.FramesPerSecond);
        Assert.Equal("1/90000", video.TimeBase);
        var audio = info.Audio!;
        Assert.Equal("aac", audio.CodecName);
        Assert.Equal("LC", audio.Profile);
        Assert.Equal(48000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal("mono", audio.ChannelLayout);
        Assert.Null(audio.FramesPerSecond);
    }

    [Fact]
    public void ParseMediaInfo_RecordedMp4Segment_ReadsProfileAndDuration()
    {
        var info = FfprobeJsonParser.ParseMediaInfo(Recorded("ffprobe-mp4-segment.json"));

        Assert.StartsWith("mov,mp4", info.FormatName, StringComparison.Ordinal);
        Assert.Equal("Constrained Baseline", info.Video!.Profile);
        Assert.Equal("25/1", info.Video.AverageFrameRate);
        Assert.Equal("25/1", info.Video.NominalFrameRate);
        Assert.Equal(2.0, info.Video.Duration);
        Assert.Equal(2, info.Streams.Count);
    }

    [Fact]
    public void ParseMediaInfo_RecordedAudioOnly_HasNoVideo()
    {
        var info = FfprobeJsonParser.ParseMediaInfo(Recorded("ffprobe-audio-only.json"));

        Assert.Null(info.Video);
        Assert.Equal(44100, info.Audio!.SampleRate);
        Assert.Equal(2, info.Audio.Channels);
        Assert.Equal("stereo", info.Audio.ChannelLayout);
    }

    [Fact]
    public void ParseKeyframeTimes_RecordedPackets_ReturnsOnlyKeyframesSorted()
    {
        var times = FfprobeJsonParser.ParseKeyframeTimes(Recorded("ffprobe-keyframe-packets.json"));

        Assert.Equal([3.421333, 5.421333], times);
    }

    [Fact]
    public void ParseMediaInfo_MissingFields_BecomeNull()
    {
        var info = FfprobeJsonParser.ParseMediaInfo("""{"streams":[{"index":0,"codec_type":"video","avg_frame_rate":"30000/1001","r_frame_rate":"0/0"}],"format":{"duration":"N/A"}}""");

        Assert.Null(info.Duration);
        Assert.Null(info.Video!.Width);
        Assert.Equal("30000/1001", info.Video.AverageFrameRate);
        Assert.Null(info.Video.NominalFrameRate);
        Assert.Equal(29.97, info.Video.FramesPerSecond!.Value, 2);
    }

    [Theory]
    [InlineData("2425/97", "125/1", 25.0)]
    [InlineData("25/1", "125/1", 25.0)]
    [InlineData("30000/1001", "30000/1001", 29.97)]
    [InlineData("17/1", "90/1", 17.0)]
    public void FramesPerSecond_DisagreeingFigures_PicksTheNominalOrSnapsTheAverage(string average, string nominal, double expected)
    {
        var stream = new MediaStreamInfo(0, "video", "h264", null, 2, 2, average, nominal, null, null, null, null, null, null, null, false);

        Assert.Equal(expected, stream.FramesPerSecond!.Value, 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void ParseMediaInfo_NotAJsonObject_ThrowsFormatException(string text)
    {
        var ex = Assert.Throws<FormatException>(() => FfprobeJsonParser.ParseMediaInfo(text));
        Assert.Contains("ffprobe output", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25/1", 25.0)]
    [InlineData("24000/1001", 23.976)]
    [InlineData("48000", 48000.0)]
    public void ParseRational_Valid_ReturnsValue(string text, double expected)
    {
        Assert.Equal(expected, FfprobeJsonParser.ParseRational(text)!.Value, 3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0/0")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    public void ParseRational_AbsentOrDegenerate_ReturnsNull(string? text)
    {
        Assert.Null(FfprobeJsonParser.ParseRational(text));
    }
}
