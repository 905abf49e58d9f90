using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Hls;

public sealed class PlaylistLoaderTests
{
    private const string Master = """
        #EXTM3U
        #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360
        low/index.m3u8
        #EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720
        high/index.m3u8
        """;

    private static string MediaText(string prefix) => $"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{prefix}0.ts\n#EXT-X-ENDLIST\n";

    [Fact]
    public async Task LoadAsync_MediaPlaylist_ReturnsIt()
    {
        var store = new InMemoryMediaStore(new() { ["s3://recordings/s42/index.m3u8"] = MediaText("seg") });

        var playlist = await new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("s3://recordings/s42/index.m3u8"), null, CancellationToken.None);

        Assert.Equal("s3://recordings/s42/seg0.ts", playlist.Chunks[0].Uri.ToString());
    }

    [Fact]
    public async Task LoadAsync_MasterPlaylist_FollowsHighestBandwidth()
    {
        var store = new InMemoryMediaStore(new()
        {
            ["s3://recordings/s42/master.m3u8"] = Master,
            ["s3://recordings/s42/low/index.m3u8"] = MediaText("low"),
            ["s3://recordings/s42/high/index.m3u8"] = MediaText("high"),
        });

        var playlist = await new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("s3://recordings/s42/master.m3u8"), null, CancellationToken.None);

        Assert.Equal("s3://recordings/s42/high/index.m3u8", playlist.Location.ToString());
        Assert.Equal("s3://recordings/s42/high/high0.ts", playlist.Chunks[0].Uri.ToString());
        Assert.DoesNotContain("s3://recordings/s42/low/index.m3u8", store.Reads);
    }

    [Fact]
    public async Task LoadAsync_RequestedBandwidth_FollowsThatVariant()
    {
        var store = new InMemoryMediaStore(new()
        {
            ["/rec/master.m3u8"] = Master,
            ["/rec/low/index.m3u8"] = MediaText("low"),
        });

        var playlist = await new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/master.m3u8"), 800000, CancellationToken.None);

        Assert.Equal("/rec/low/low0.ts", playlist.Chunks[0].Uri.ToString());
    }

    [Fact]
    public async Task LoadAsync_UnknownBandwidth_FailsListingAvailable()
    {
        var store = new InMemoryMediaStore(new() { ["/rec/master.m3u8"] = Master });

        var ex = await Assert.ThrowsAsync<HlsParseException>(() => new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/master.m3u8"), 42, CancellationToken.None));

        Assert.Contains("available: 800000, 3000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_VariantChunkClimbingAboveMasterFolder_Fails()
    {
        // Inside its own folder ../ is fine, but the root is the master's folder, not the variant's.
        var store = new InMemoryMediaStore(new()
        {
            ["/rec/s42/master.m3u8"] = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nhd/index.m3u8\n",
            ["/rec/s42/hd/index.m3u8"] = "#EXTM3U\n#EXTINF:2,\n../sd/ok.ts\n#EXTINF:2,\n../../s43/stolen.ts\n",
        });

        var ex = await Assert.ThrowsAsync<HlsParseException>(() => new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/s42/master.m3u8"), null, CancellationToken.None));

        Assert.Equal(5, ex.LineNumber);
        Assert.Contains("outside the recording's root '/rec/s42/'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_VariantOutsideRoot_Fails()
    {
        var store = new InMemoryMediaStore(new() { ["/rec/s42/master.m3u8"] = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n../s43/index.m3u8\n" });

        var ex = await Assert.ThrowsAsync<HlsParseException>(() => new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/s42/master.m3u8"), null, CancellationToken.None));

        Assert.Equal("#EXT-X-STREAM-INF", ex.Tag);
        Assert.DoesNotContain(store.Reads, r => r.Contains("s43", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_VariantIsMaster_Fails()
    {
        var store = new InMemoryMediaStore(new()
        {
            ["/rec/master.m3u8"] = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nnested.m3u8\n",
            ["/rec/nested.m3u8"] = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nmaster.m3u8\n",
        });

        var ex = await Assert.ThrowsAsync<HlsParseException>(() => new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/master.m3u8"), null, CancellationToken.None));

        Assert.Contains("itself a master playlist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_OverSizeLimit_FailsWithoutReadingItAll()
    {
        var store = new InMemoryMediaStore(new() { ["/rec/index.m3u8"] = "#EXTM3U\n" + new string('#', 5000) });
        var loader = new PlaylistLoader(store, new HlsParserOptions { MaxBytes = 1024 });

        var ex = await Assert.ThrowsAsync<HlsParseException>(() => loader.LoadAsync(MediaLocation.Parse("/rec/index.m3u8"), null, CancellationToken.None));

        Assert.Contains("larger than the playlist limit of 1024 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_Missing_ThrowsMediaNotFound()
    {
        var store = new InMemoryMediaStore([]);

        await Assert.ThrowsAsync<MediaNotFoundException>(() => new PlaylistLoader(store).LoadAsync(MediaLocation.Parse("/rec/none.m3u8"), null, CancellationToken.None));
    }
}
