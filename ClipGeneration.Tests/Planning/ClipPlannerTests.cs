using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;
using ClipGeneration.Tests.Hls;

namespace ClipGeneration.Tests.Planning;

public sealed class ClipPlannerTests
{
    [Fact]
    public async Task PlanAsync_MasterPlaylist_PlansOnHighestVariant()
    {
        var store = new InMemoryMediaStore(new()
        {
            ["s3://recordings/s42/master.m3u8"] = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=2\nhigh.m3u8\n",
            ["s3://recordings/s42/high.m3u8"] = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nh0.ts\n#EXTINF:4,\nh1.ts\n",
        });

        var plan = await new ClipPlanner(store).PlanAsync(
            MediaLocation.Parse("s3://recordings/s42/master.m3u8"),
            [new TimeRange(TimePoint.FromSeconds(3), TimePoint.FromSeconds(5))],
            CancellationToken.None);

        Assert.Equal("s3://recordings/s42/high.m3u8", plan.Manifest.ToString());
        Assert.Equal(["h0.ts", "h1.ts"], plan.Ranges[0].Pieces[0].Chunks.Select(c => c.Uri.FileName));
    }

    [Fact]
    public async Task PlanAsync_RangeOutsideRecording_ThrowsRangeMappingException()
    {
        var store = new InMemoryMediaStore(new() { ["/rec/index.m3u8"] = "#EXTM3U\n#EXTINF:4,\na.ts\n" });

        var ex = await Assert.ThrowsAsync<RangeMappingException>(() => new ClipPlanner(store).PlanAsync(
            MediaLocation.Parse("/rec/index.m3u8"),
            [new TimeRange(TimePoint.FromSeconds(3), TimePoint.FromSeconds(5))],
            CancellationToken.None));

        Assert.Contains("(0-4.000 s)", ex.Message, StringComparison.Ordinal);
    }
}
