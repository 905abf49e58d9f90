using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Tests.Planning;

public sealed class RangeMapperTests
{
    private static readonly MediaLocation Location = MediaLocation.Parse("s3://recordings/stream42/index.m3u8");

    // 10 chunks of 6 s: 0-60 s; wall clock from 10:00:00Z.
    private static readonly HlsMediaPlaylist SixSecondChunks = HlsPlaylistParser.ParseMedia(
        "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:50\n#EXT-X-PROGRAM-DATE-TIME:2026-11-20T10:00:00Z\n"
        + string.Concat(Enumerable.Range(0, 10).Select(i => $"#EXTINF:6.0,\nseg{i}.ts\n")) + "#EXT-X-ENDLIST\n",
        Location);

    private static TimeRange Range(string start, string end) => new(TimePoint.Parse(start), TimePoint.Parse(end));

    private static string[] Names(PlannedPiece piece) => [.. piece.Chunks.Select(c => c.Uri.FileName)];

    [Fact]
    public void Map_RangeSpanningThreeChunks_ReturnsAllThree()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("7", "20")]);

        var piece = Assert.Single(Assert.Single(plan.Ranges).Pieces);
        Assert.Equal(["seg1.ts", "seg2.ts", "seg3.ts"], Names(piece));
        Assert.Equal(1, piece.StartOffset, 9);
        Assert.Equal(13, piece.Duration, 9);
        Assert.Equal(51, piece.Chunks[0].SequenceNumber);
        Assert.Equal(Location, plan.Manifest);
    }

    [Fact]
    public void Map_RangeOnChunkBoundaries_ListsOnlyTouchedChunks()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("12", "18")]);

        var piece = Assert.Single(plan.Ranges[0].Pieces);
        Assert.Equal(["seg2.ts"], Names(piece));
        Assert.Equal(0, piece.StartOffset);
        Assert.Equal(6, piece.Duration);
    }

    [Fact]
    public void Map_WholeRecording_ListsEveryChunk()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("0", "60")]);

        Assert.Equal(10, plan.Ranges[0].Pieces[0].Chunks.Count);
    }

    [Fact]
    public void Map_HhMmSsOffsets_MapFromRecordingStart()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("00:00:30.5", "00:00:37")]);

        var piece = plan.Ranges[0].Pieces[0];
        Assert.Equal(["seg5.ts", "seg6.ts"], Names(piece));
        Assert.Equal(0.5, piece.StartOffset, 9);
        Assert.Equal(6.5, piece.Duration, 9);
    }

    [Fact]
    public void Map_WallClockRange_MapsThroughProgramDateTime()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("2026-11-20T10:00:13Z", "2026-11-20T12:00:25+02:00")]);

        var range = plan.Ranges[0];
        Assert.Equal(13, range.Start, 6);
        Assert.Equal(25, range.End, 6);
        Assert.Equal(["seg2.ts", "seg3.ts", "seg4.ts"], Names(range.Pieces[0]));
    }

    [Fact]
    public void Map_OverlappingRangesInAnyOrder_KeepsRequestOrder()
    {
        var plan = RangeMapper.Map(SixSecondChunks, [Range("40", "50"), Range("5", "15"), Range("10", "45")]);

        Assert.Equal([0, 1, 2], plan.Ranges.Select(r => r.Index));
        Assert.Equal([40.0, 5.0, 10.0], plan.Ranges.Select(r => r.Start));
        Assert.Equal(["seg1.ts", "seg2.ts", "seg3.ts", "seg4.ts", "seg5.ts", "seg6.ts", "seg7.ts"], Names(plan.Ranges[2].Pieces[0]));
    }

    [Fact]
    public void Map_RangeAcrossDiscontinuity_SplitsIntoPieces()
    {
        var playlist = HlsPlaylistParser.ParseMedia(
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na.ts\n#EXTINF:4,\nb.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:4,\nc.ts\n#EXTINF:4,\nd.ts\n", Location);

        var range = RangeMapper.Map(playlist, [Range("5", "14")]).Ranges[0];

        Assert.Equal(2, range.Pieces.Count);
        Assert.Equal(["b.ts"], Names(range.Pieces[0]));
        Assert.Equal(1, range.Pieces[0].StartOffset, 9);
        Assert.Equal(3, range.Pieces[0].Duration, 9);
        Assert.Equal(["c.ts", "d.ts"], Names(range.Pieces[1]));
        Assert.Equal(0, range.Pieces[1].StartOffset, 9);
        Assert.Equal(6, range.Pieces[1].Duration, 9);
    }

    [Fact]
    public void Map_RangePartlyOverGap_SkipsGapChunksAndSplitsAroundThem()
    {
        var playlist = HlsPlaylistParser.ParseMedia(
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na.ts\n#EXT-X-GAP\n#EXTINF:4,\nb.ts\n#EXTINF:4,\nc.ts\n", Location);

        var range = RangeMapper.Map(playlist, [Range("2", "10")]).Ranges[0];

        Assert.Equal(2, range.Pieces.Count);
        Assert.Equal(["a.ts"], Names(range.Pieces[0]));
        Assert.Equal(2, range.Pieces[0].Duration, 9);
        Assert.Equal(["c.ts"], Names(range.Pieces[1]));
        Assert.Equal(2, range.Pieces[1].Duration, 9);
    }

    [Fact]
    public void Map_RangeEntirelyInsideGap_FailsNamingRange()
    {
        var playlist = HlsPlaylistParser.ParseMedia(
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na.ts\n#EXT-X-GAP\n#EXTINF:4,\nb.ts\n#EXT-X-GAP\n#EXTINF:4,\nc.ts\n#EXTINF:4,\nd.ts\n", Location);

        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(playlist, [Range("0", "2"), Range("5", "11")]));

        Assert.Equal(1, ex.RangeIndex);
        Assert.Contains("entirely inside EXT-X-GAP", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20", "10")]
    [InlineData("10", "10")]
    public void Map_EndNotAfterStart_Fails(string start, string end)
    {
        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(SixSecondChunks, [Range(start, end)]));

        Assert.Equal(0, ex.RangeIndex);
        Assert.Contains("must be after start", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("55", "61")]
    [InlineData("60", "70")]
    [InlineData("100", "200")]
    public void Map_RangeOutsideRecording_FailsStatingSpan(string start, string end)
    {
        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(SixSecondChunks, [Range("0", "1"), Range(start, end)]));

        Assert.Equal(1, ex.RangeIndex);
        Assert.Contains("outside the recording (0-60.000 s)", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"range 1 ({start}/{end}):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InstantOutsideRecording_FailsStatingWallClockSpan()
    {
        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(SixSecondChunks, [Range("2026-11-20T09:59:00Z", "2026-11-20T10:00:10Z")]));

        Assert.Contains("2026-11-20T10:00:00.000Z to 2026-11-20T10:01:00.000Z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_WallClockRangeWithoutProgramDateTime_Fails()
    {
        var playlist = HlsPlaylistParser.ParseMedia("#EXTM3U\n#EXTINF:4,\na.ts\n", Location);

        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(playlist, [Range("2026-11-20T10:00:00Z", "2026-11-20T10:00:02Z")]));

        Assert.Contains("no EXT-X-PROGRAM-DATE-TIME", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_EmptyPlaylist_Fails()
    {
        var playlist = HlsPlaylistParser.ParseMedia("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-ENDLIST\n", Location);

        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(playlist, [Range("0", "1")]));

        Assert.Null(ex.RangeIndex);
        Assert.Contains("has no chunks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NoRanges_Fails()
    {
        var ex = Assert.Throws<RangeMappingException>(() => RangeMapper.Map(SixSecondChunks, []));

        Assert.Contains("no ranges", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ByteRangeInitSectionAndKey_CarriedIntoPlannedChunks()
    {
        var playlist = HlsPlaylistParser.ParseMedia("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXT-X-MAP:URI="init.mp4",BYTERANGE="700@0"
            #EXT-X-KEY:METHOD=AES-128,URI="k.key"
            #EXTINF:2,
            #EXT-X-BYTERANGE:1000@700
            all.mp4
            """, Location);

        var chunk = RangeMapper.Map(playlist, [Range("0.5", "1")]).Ranges[0].Pieces[0].Chunks[0];

        Assert.Equal(new ByteRange(700, 1000), chunk.ByteRange);
        Assert.Equal(new ByteRange(0, 700), chunk.InitSection!.ByteRange);
        Assert.Equal("AES-128", chunk.Key!.Method);
    }
}
