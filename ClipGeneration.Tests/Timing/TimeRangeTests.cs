using ClipGeneration.Core.Timing;

namespace ClipGeneration.Tests.Timing;

public sealed class TimeRangeTests
{
    [Theory]
    [InlineData("65.5/95", 65.5, 95)]
    [InlineData("00:01:05.5/00:01:35", 65.5, 95)]
    [InlineData(" 1/2 ", 1, 2)]
    public void TryParse_Offsets_ReturnsBothSides(string text, double start, double end)
    {
        Assert.True(TimeRange.TryParse(text, out var range, out var error), error);

        Assert.Equal(start, range.Start.OffsetSeconds!.Value, 6);
        Assert.Equal(end, range.End.OffsetSeconds!.Value, 6);
    }

    [Fact]
    public void TryParse_Instants_ReturnsInstants()
    {
        Assert.True(TimeRange.TryParse("2026-11-20T10:01:05Z/2026-11-20T10:01:35Z", out var range, out _));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 1, 5, TimeSpan.Zero), range.Start.Instant);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 1, 35, TimeSpan.Zero), range.End.Instant);
    }

    [Theory]
    [InlineData("65", "not START/END")]
    [InlineData("1/2/3", "not START/END")]
    [InlineData("/5", "start:")]
    [InlineData("5/x", "end:")]
    [InlineData(null, "not START/END")]
    public void TryParse_Malformed_SaysWhichSide(string? text, string expected)
    {
        Assert.False(TimeRange.TryParse(text, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
