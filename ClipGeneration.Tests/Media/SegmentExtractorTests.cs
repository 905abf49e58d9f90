using ClipGeneration.Core.Media;
using ClipGeneration.Core.Planning;
using Xunit.Abstractions;

namespace ClipGeneration.Tests.Media;

[Collection(MediaCollection.Name)]
public sealed class SegmentExtractorTests(MediaFixture media, ITestOutputHelper output)
{
    private const double Frame = 0.04;

    [Fact]
    public async Task ExtractAsync_AccurateTs_DurationAndFirstFrameMatchTheRequest()
    {
        var segment = await ExtractAsync(media.TsAv, 3.32, 8.76, ClipMode.Accurate);

        Assert.Equal(8.76 - 3.32, segment.Duration, Frame);
        Assert.Equal(3.32, segment.ActualStart, 3);
        var psnr = await MediaTools.FirstFramePsnrAsync(segment.Path, media.TsAv, 3.32);
        var neighbour = await MediaTools.FirstFramePsnrAsync(segment.Path, media.TsAv, 3.32 + Frame);
        output.WriteLine($"first frame PSNR vs source at 3.32 s: {psnr:0.0} dB; vs the next frame: {neighbour:0.0} dB");
        Assert.True(psnr > 40, $"PSNR {psnr} dB");
        Assert.True(neighbour < psnr, $"the next frame matches as well ({neighbour} dB), so the check cannot tell frames apart");
        Assert.Equal(string.Empty, await MediaTools.DecodeErrorsAsync(segment.Path));
    }

    [Fact]
    public async Task ExtractAsync_KeyframeTs_StartsAtKeyframeAtOrBeforeRequest()
    {
        var store = new FolderMediaStore();
        var chunks = TestPlaylist.ReadChunks(media.TsAv);

        var segment = await ExtractAsync(media.TsAv, 3.32, 7.5, ClipMode.Keyframe, store);

        // 2 s GOPs: the keyframe at or before 3.32 s is the one at 2 s.
        Assert.Equal(2.0, segment.ActualStart, 2);
        Assert.Equal(7.5 - 2.0, segment.Duration, Frame);
        Assert.Equal(7.5, segment.ActualEnd, 1);
        Assert.Equal(double.PositiveInfinity, await MediaTools.FirstFramePsnrAsync(segment.Path, media.TsAv, 2.0));
        Assert.Equal([chunks[1].Uri, chunks[2].Uri, chunks[3].Uri], store.Reads);
    }

    [Fact]
    public async Task ExtractAsync_KeyframeFmp4_UsesInitSectionAndStartsAtKeyframe()
    {
        var segment = await ExtractAsync(media.Fmp4Av, 4.5, 9, ClipMode.Keyframe);

        Assert.Equal(4.0, segment.ActualStart, 2);
        Assert.Equal(5.0, segment.Duration, Frame);
        Assert.Equal(string.Empty, await MediaTools.DecodeErrorsAsync(segment.Path));
    }

    [Fact]
    public async Task ExtractAsync_AccurateFmp4_MatchesSourceFrame()
    {
        var segment = await ExtractAsync(media.Fmp4Av, 5.2, 7.2, ClipMode.Accurate);

        Assert.Equal(2.0, segment.Duration, Frame);
        Assert.True(await MediaTools.FirstFramePsnrAsync(segment.Path, media.Fmp4Av, 5.2) > 40);
    }

    [Fact]
    public async Task ExtractAsync_VideoOnlyAccurate_HasNoAudio()
    {
        var segment = await ExtractAsync(media.TsVideo, 1.0, 3.0, ClipMode.Accurate);
        var info = await media.Prober.ProbeAsync(segment.Path, CancellationToken.None);

        Assert.Null(info.Audio);
        Assert.Equal(2.0, segment.Duration, Frame);
    }

    [Fact]
    public async Task ExtractAsync_AudioOnlyKeyframe_CutsAudio()
    {
        var segment = await ExtractAsync(media.TsAudio, 2.5, 6.5, ClipMode.Keyframe);
        var info = await media.Prober.ProbeAsync(segment.Path, CancellationToken.None);

        Assert.Null(info.Video);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(4.0, segment.Duration, 0.05);
    }

    [Fact]
    public async Task ExtractAsync_Aes128WithKeyInStore_Decrypts()
    {
        Assert.NotNull(TestPlaylist.ReadChunks(media.TsEncrypted)[0].Key);

        var segment = await ExtractAsync(media.TsEncrypted, 2.4, 5.6, ClipMode.Accurate);

        Assert.Equal(3.2, segment.Duration, Frame);
        Assert.True(await MediaTools.FirstFramePsnrAsync(segment.Path, media.TsEncrypted, 2.4) > 40);
    }

    [Fact]
    public async Task ExtractAsync_ByteRangePlaylist_FetchesOnlyTheRanges()
    {
        var chunks = TestPlaylist.ReadChunks(media.TsSingleFile);
        Assert.All(chunks, c => Assert.NotNull(c.ByteRange));

        var segment = await ExtractAsync(media.TsSingleFile, 6.0, 9.0, ClipMode.Keyframe);

        Assert.Equal(6.0, segment.ActualStart, 2);
        Assert.Equal(3.0, segment.Duration, Frame);
    }

    [Fact]
    public async Task ExtractAsync_TwoPiecesAcrossDiscontinuity_CutsEachAndJoins()
    {
        var chunks = TestPlaylist.ReadChunks(media.TsAv);

        // As if a discontinuity sat at 6 s: the range is two pieces, cut separately.
        var range = new RangePlan(0, 5, 7, [TestPlaylist.Piece(chunks, 5, 6), TestPlaylist.Piece(chunks, 6, 7)]);
        var folder = media.NewFolder("pieces");
        var segment = await media.Extractor(new FolderMediaStore()).ExtractAsync(range, ClipMode.Accurate, folder, Path.Combine(folder, "seg.mp4"), null, CancellationToken.None);

        Assert.Equal(2.0, segment.Duration, 2 * Frame);
        Assert.Equal(string.Empty, await MediaTools.DecodeErrorsAsync(segment.Path));
        Assert.Equal(["seg.mp4"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    private async Task<ExtractedSegment> ExtractAsync(string playlist, double start, double end, ClipMode mode, FolderMediaStore? store = null)
    {
        var chunks = TestPlaylist.ReadChunks(playlist);
        var folder = media.NewFolder(mode.ToString());
        var segment = await media.Extractor(store ?? new FolderMediaStore())
            .ExtractAsync(TestPlaylist.Plan(chunks, 0, start, end), mode, folder, Path.Combine(folder, "segment.mp4"), null, CancellationToken.None);

        Assert.Equal(start, segment.RequestedStart);
        Assert.Equal(end, segment.RequestedEnd);
        Assert.True(segment.SizeBytes > 0);
        Assert.Equal(["segment.mp4"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        return segment;
    }
}
