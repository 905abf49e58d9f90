using ClipGeneration.Core.Timing;

namespace ClipGeneration.Tests.Timing;

public sealed class TimePointTests
{
    [Theory]
    [InlineData("65.5", 65.5)]
    [InlineData("00:01:05.500", 65.5)]
    [InlineData("01:05.5", 65.5)]
    [InlineData("1:00:00", 3600)]
    public void Parse_Offset_ReturnsSeconds(string text, double expected)
    {
        var point = TimePoint.Parse(text);

        Assert.False(point.IsInstant);
        Assert.Equal(expected, point.OffsetSeconds!.Value, 6);
    }

    [Fact]
    public void Parse_InstantWithZone_ReturnsUtcInstant()
    {
        var point = TimePoint.Parse("2026-11-20T12:04:10+02:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 4, 10, TimeSpan.Zero), point.Instant);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("-3", "negative")]
    [InlineData("00:61:00", "hh:mm:ss")]
    [InlineData("2026-11-20T10:04:10", "time zone")]
    [InlineData("soon", "not a time")]
    [InlineData("9999999", "7 days")]
    public void TryParse_BadText_FailsWithReason(string text, string reason)
    {
        Assert.False(TimePoint.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
