using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class FfmpegProgressParserTests
{
    [Fact]
    public void ReadLine_BlockEndingWithContinue_ReportsOutTimeFrameSpeedAndFraction()
    {
        var parser = new FfmpegProgressParser(TimeSpan.FromSeconds(4));
        string[] block = ["frame=50", "fps=0.00", "out_time_us=2001333", "out_time_ms=2001333", "out_time=00:00:02.001333", "speed= 975x"];
        foreach (var line in block)
        {
            Assert.Null(parser.ReadLine(line));
        }

        var report = parser.ReadLine("progress=continue");

        Assert.NotNull(report);
        Assert.Equal(2.001333, report.OutTime.TotalSeconds, 6);
        Assert.Equal(50, report.Frame);
        Assert.Equal(975, report.Speed);
        Assert.False(report.IsEnd);
        Assert.Equal(0.5003, report.Fraction!.Value, 4);
    }

    [Fact]
    public void ReadLine_NotAvailableAndNegativeValues_KeepPreviousOrZero()
    {
        var parser = new FfmpegProgressParser(null);
        parser.ReadLine("out_time_us=-21333");
        parser.ReadLine("out_time=-00:00:00.021333");
        parser.ReadLine("speed=N/A");
        var first = parser.ReadLine("progress=continue")!;
        parser.ReadLine("out_time_us=N/A");
        parser.ReadLine("out_time=N/A");
        var end = parser.ReadLine("progress=end")!;

        Assert.Equal(TimeSpan.Zero, first.OutTime);
        Assert.Null(first.Speed);
        Assert.Null(first.Fraction);
        Assert.True(end.IsEnd);
        Assert.Equal(TimeSpan.Zero, end.OutTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage without equals")]
    [InlineData("=value")]
    [InlineData("unknown_key=1")]
    public void ReadLine_LinesThatCloseNoBlock_ReturnNull(string line)
    {
        Assert.Null(new FfmpegProgressParser(null).ReadLine(line));
    }

    [Theory]
    [InlineData("01:02:03.5", 3723.5)]
    [InlineData("00:00:00.040000", 0.04)]
    [InlineData("-00:00:01.000000", 0)]
    public void TryParseClock_ValidClock_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(FfmpegProgressParser.TryParseClock(text, out var time));
        Assert.Equal(seconds, time.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("1:2")]
    [InlineData("aa:bb:cc")]
    public void TryParseClock_Malformed_ReturnsFalse(string text)
    {
        Assert.False(FfmpegProgressParser.TryParseClock(text, out _));
    }
}
