using System.Text;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Requests;

namespace ClipGeneration.Tests.Requests;

public sealed class ClipRequestReaderTests
{
    [Fact]
    public void Read_ContractExample_ReturnsEveryField()
    {
        var result = Read("""
            {
              "clipId": "stream42-highlight-7",
              "manifest": "s3://recordings/stream42/index.m3u8",
              "segments": [
                { "startTime": "00:01:05.500", "endTime": "00:01:35" },
                { "startTime": "2026-11-20T10:04:10Z", "endTime": "2026-11-20T10:04:30Z" },
                { "startTime": 250, "endTime": 270.5 }
              ],
              "mode": "accurate",
              "title": "optional",
              "variant": 1280000,
              "somethingElse": { "ignored": true }
            }
            """);

        var request = Assert.IsType<ClipRequest>(result.Request);
        Assert.Empty(result.Problems);
        Assert.Equal("stream42-highlight-7", request.ClipId);
        Assert.Equal("s3://recordings/stream42/index.m3u8", request.Manifest);
        Assert.Equal(3, request.Segments.Count);
        Assert.Equal(65.5, request.Segments[0].StartTime.OffsetSeconds);
        Assert.Equal(95, request.Segments[0].EndTime.OffsetSeconds);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 4, 10, TimeSpan.Zero), request.Segments[1].StartTime.Instant);
        Assert.Equal(270.5, request.Segments[2].EndTime.OffsetSeconds);
        Assert.Equal(ClipMode.Accurate, request.Mode);
        Assert.Equal("optional", request.Title);
        Assert.Equal("1280000", request.Variant);
    }

    [Fact]
    public void Read_NoMode_DefaultsToKeyframe()
    {
        var result = Read("""{"clipId":"a","manifest":"m.m3u8","segments":[{"startTime":1,"endTime":2}]}""");

        Assert.Equal(ClipMode.Keyframe, result.Request!.Mode);
    }

    [Fact]
    public void Read_PropertyNamesInOtherCase_AreMatched()
    {
        var result = Read("""{"ClipId":"a","MANIFEST":"m.m3u8","Segments":[{"StartTime":1,"endtime":2}],"Mode":"ACCURATE"}""");

        Assert.Equal(ClipMode.Accurate, result.Request!.Mode);
    }

    [Fact]
    public void Read_ManyProblems_ReportsEveryOneWithItsPath()
    {
        var result = Read("""
            {
              "clipId": 42,
              "segments": [
                { "startTime": "00:01:00", "endTime": "00:61:00" },
                "00:01:00/00:02:00",
                { "endTime": true }
              ],
              "mode": "fast",
              "title": ["x"],
              "variant": {}
            }
            """);

        Assert.Null(result.Request);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("clipId: must be a string, not a number", problems);
        Assert.Contains("manifest: is required", problems);
        Assert.Contains("segments[0].endTime: '00:61:00' is not a valid hh:mm:ss(.fff) time", problems);
        Assert.Contains("segments[1]: must be an object with startTime and endTime, not a string", problems);
        Assert.Contains(problems, p => p.StartsWith("segments[2].startTime: is required", StringComparison.Ordinal));
        Assert.Contains("segments[2].endTime: must be a number of seconds or a string, not a boolean", problems);
        Assert.Contains("mode: 'fast' is not a mode: use \"keyframe\" or \"accurate\"", problems);
        Assert.Contains("title: must be a string, not an array", problems);
        Assert.Contains("variant: must be a bandwidth or a variant name, not an object", problems);
        Assert.Equal(9, problems.Count);
    }

    [Theory]
    [InlineData("not json", "$", "not JSON")]
    [InlineData("[1,2]", "$", "must be a JSON object, not an array")]
    [InlineData("\"text\"", "$", "must be a JSON object, not a string")]
    [InlineData("""{"clipId":"","manifest":"m","segments":[{"startTime":1,"endTime":2}]}""", "clipId", "may not be empty")]
    [InlineData("""{"clipId":"a","manifest":"m"}""", "segments", "is required")]
    [InlineData("""{"clipId":"a","manifest":"m","segments":{}}""", "segments", "must be an array")]
    [InlineData("""{"clipId":"a","manifest":"m","segments":[{"startTime":-3,"endTime":2}]}""", "segments[0].startTime", "negative")]
    [InlineData("""{"clipId":"a","manifest":"m","segments":[{"startTime":"2026-11-20T10:04:10","endTime":2}]}""", "segments[0].startTime", "time zone")]
    [InlineData("""{"clipId":"a","manifest":"m","segments":[{"startTime":1,"endTime":2}],"mode":3}""", "mode", "not a number")]
    public void Read_BadDocument_ReportsFieldAndReason(string json, string field, string reason)
    {
        var result = Read(json);

        Assert.Null(result.Request);
        Assert.Contains(result.Problems, p => p.Field == field && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NullOptionalFields_AreTreatedAsAbsent()
    {
        var result = Read("""{"clipId":"a","manifest":"m","segments":[{"startTime":1,"endTime":2}],"mode":null,"title":null,"variant":null}""");

        Assert.True(result.IsValid);
        Assert.Null(result.Request!.Title);
    }

    private static ClipRequestReadResult Read(string json) => ClipRequestReader.Read(Encoding.UTF8.GetBytes(json));
}
