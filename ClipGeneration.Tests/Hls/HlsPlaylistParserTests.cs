using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Hls;

public sealed class HlsPlaylistParserTests
{
    private static readonly MediaLocation LocalPlaylist = MediaLocation.Parse("/media/stream42/index.m3u8");
    private static readonly MediaLocation S3Playlist = MediaLocation.Parse("s3://recordings/stream42/index.m3u8");

    private static HlsMediaPlaylist Media(string text, MediaLocation? location = null, HlsParserOptions? options = null)
        => HlsPlaylistParser.ParseMedia(text, location ?? LocalPlaylist, options);

    private static HlsParseException Fails(string text, MediaLocation? location = null, HlsParserOptions? options = null)
        => Assert.Throws<HlsParseException>(() => HlsPlaylistParser.Parse(text, location ?? LocalPlaylist, options));

    [Fact]
    public void Parse_SimpleVod_ReadsHeaderTagsAndChunks()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:6
            #EXT-X-MEDIA-SEQUENCE:100
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXTINF:6.006,first
            seg100.ts
            #EXTINF:5.5,
            seg101.ts
            #EXT-X-ENDLIST
            """);

        Assert.Equal(3, playlist.Version);
        Assert.Equal(6, playlist.TargetDuration);
        Assert.Equal(100, playlist.MediaSequence);
        Assert.Equal("VOD", playlist.PlaylistType);
        Assert.True(playlist.HasEndList);
        Assert.Equal(2, playlist.Chunks.Count);
        Assert.Equal("/media/stream42/seg100.ts", playlist.Chunks[0].Uri.ToString());
        Assert.Equal("first", playlist.Chunks[0].Title);
        Assert.Null(playlist.Chunks[1].Title);
        Assert.Equal(101, playlist.Chunks[1].SequenceNumber);
        Assert.Equal(1, playlist.Chunks[1].Index);
        Assert.Equal(6.006, playlist.Chunks[1].StartOffset);
        Assert.Equal(11.506, playlist.TotalDuration, 9);
    }

    [Fact]
    public void Parse_CrLfLineEndings_ParsesLikeLf()
    {
        var lf = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXTINF:1.5,\nb.ts\n#EXT-X-ENDLIST\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var a = Media(lf);
        var b = Media(crlf);

        Assert.Equal(a.Chunks.Select(c => (c.Uri, c.Duration, c.StartOffset)), b.Chunks.Select(c => (c.Uri, c.Duration, c.StartOffset)));
        Assert.True(b.HasEndList);
    }

    [Fact]
    public void Parse_ManyFractionalDurations_SumsWithoutDrift()
    {
        var text = "#EXTM3U\n#EXT-X-TARGETDURATION:1\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"#EXTINF:0.1,\nc{i}.ts\n"));

        var playlist = Media(text);

        // Double addition of 0.1 ten thousand times drifts to 1000.0000000001588; decimal accumulation does not.
        Assert.Equal(999.9, playlist.Chunks[^1].StartOffset);
        Assert.Equal(1000.0, playlist.TotalDuration);
    }

    [Fact]
    public void Parse_S3Playlist_ResolvesRelativeUrisWithinBucket()
    {
        var playlist = Media("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhd/seg0.ts\n#EXTINF:2,\n/stream42/other/seg1.ts\n#EXTINF:2,\nhd/../seg2.ts\n", S3Playlist);

        Assert.Equal("s3://recordings/stream42/hd/seg0.ts", playlist.Chunks[0].Uri.ToString());
        Assert.Equal("s3://recordings/stream42/other/seg1.ts", playlist.Chunks[1].Uri.ToString());
        Assert.Equal("s3://recordings/stream42/seg2.ts", playlist.Chunks[2].Uri.ToString());
    }

    [Fact]
    public void Parse_DiscontinuityAndSequence_NumbersChunks()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXT-X-DISCONTINUITY-SEQUENCE:7
            #EXTINF:2,
            a.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:2,
            b.ts
            #EXTINF:2,
            c.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:2,
            d.ts
            """);

        Assert.Equal(7, playlist.DiscontinuitySequence);
        Assert.Equal([7L, 8L, 8L, 9L], playlist.Chunks.Select(c => c.DiscontinuitySequence));
    }

    [Fact]
    public void Parse_ProgramDateTime_AppliesToNextChunkAndExtrapolates()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-TARGETDURATION:4
            #EXTINF:2,
            early.ts
            #EXT-X-PROGRAM-DATE-TIME:2026-11-20T10:00:00.000Z
            #EXTINF:2.5,
            a.ts
            #EXTINF:4,
            b.ts
            #EXT-X-PROGRAM-DATE-TIME:2026-11-20T12:00:00+02:00
            #EXTINF:2,
            c.ts
            #EXTINF:2,
            d.ts
            """);

        var start = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        Assert.Null(playlist.Chunks[0].ProgramDateTime);
        Assert.Equal(start, playlist.Chunks[1].ProgramDateTime);
        Assert.Equal(start.AddSeconds(2.5), playlist.Chunks[2].ProgramDateTime);
        Assert.Equal(start, playlist.Chunks[3].ProgramDateTime);
        Assert.Equal(start.AddSeconds(2), playlist.Chunks[4].ProgramDateTime);
    }

    [Fact]
    public void Parse_ByteRange_AppliesImplicitOffsetOfSameUri()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXTINF:2,
            #EXT-X-BYTERANGE:1000@0
            all.ts
            #EXTINF:2,
            #EXT-X-BYTERANGE:500
            all.ts
            #EXTINF:2,
            #EXT-X-BYTERANGE:300@5000
            all.ts
            #EXTINF:2,
            #EXT-X-BYTERANGE:200
            all.ts
            #EXTINF:2,
            plain.ts
            """);

        Assert.Equal(new ByteRange(0, 1000), playlist.Chunks[0].ByteRange);
        Assert.Equal(new ByteRange(1000, 500), playlist.Chunks[1].ByteRange);
        Assert.Equal(new ByteRange(5000, 300), playlist.Chunks[2].ByteRange);
        Assert.Equal(new ByteRange(5300, 200), playlist.Chunks[3].ByteRange);
        Assert.Null(playlist.Chunks[4].ByteRange);
    }

    [Fact]
    public void Parse_ByteRangeWithoutOffsetOnFirstUse_FailsNamingLine()
    {
        var ex = Fails("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n#EXT-X-BYTERANGE:500\nall.ts\n");

        Assert.Equal(4, ex.LineNumber);
        Assert.Contains("#EXT-X-BYTERANGE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Map_AppliesToFollowingChunksUntilReplaced()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXT-X-MAP:URI="init.mp4",BYTERANGE="720@0"
            #EXTINF:2,
            a.m4s
            #EXTINF:2,
            b.m4s
            #EXT-X-MAP:URI="init2.mp4"
            #EXTINF:2,
            c.m4s
            """);

        var first = new HlsInitSection(MediaLocation.Parse("/media/stream42/init.mp4"), new ByteRange(0, 720));
        Assert.Equal(first, playlist.Chunks[0].InitSection);
        Assert.Equal(first, playlist.Chunks[1].InitSection);
        Assert.Equal(new HlsInitSection(MediaLocation.Parse("/media/stream42/init2.mp4"), null), playlist.Chunks[2].InitSection);
    }

    [Fact]
    public void Parse_Key_AppliesUntilNextKeyAndNoneClearsIt()
    {
        var playlist = Media("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXTINF:2,
            clear.ts
            #EXT-X-KEY:METHOD=AES-128,URI="keys/k1.key",IV=0x000102030405060708090A0B0C0D0E0F
            #EXTINF:2,
            a.ts
            #EXTINF:2,
            b.ts
            #EXT-X-KEY:METHOD=SAMPLE-AES,URI="keys/k2.key",KEYFORMAT="identity"
            #EXTINF:2,
            c.ts
            #EXT-X-KEY:METHOD=NONE
            #EXTINF:2,
            d.ts
            """);

        Assert.Null(playlist.Chunks[0].Key);
        var k1 = new HlsKey("AES-128", MediaLocation.Parse("/media/stream42/keys/k1.key"), "0x000102030405060708090A0B0C0D0E0F", null);
        Assert.Equal(k1, playlist.Chunks[1].Key);
        Assert.Equal(k1, playlist.Chunks[2].Key);
        Assert.Equal(new HlsKey("SAMPLE-AES", MediaLocation.Parse("/media/stream42/keys/k2.key"), null, "identity"), playlist.Chunks[3].Key);
        Assert.Null(playlist.Chunks[4].Key);
    }

    [Theory]
    [InlineData("#EXT-X-KEY:METHOD=AES-256,URI=\"k.key\"", "METHOD")]
    [InlineData("#EXT-X-KEY:METHOD=AES-128", "needs a URI")]
    [InlineData("#EXT-X-KEY:URI=\"k.key\"", "METHOD attribute is missing")]
    [InlineData("#EXT-X-KEY:METHOD=AES-128,URI=\"k.key\",IV=0x12", "IV")]
    [InlineData("#EXT-X-KEY:METHOD=NONE,URI=\"k.key\"", "must not have a URI")]
    [InlineData("#EXT-X-KEY:METHOD=AES-128,URI=\"k.key", "unterminated")]
    public void Parse_MalformedKey_FailsNamingLineAndTag(string keyLine, string expected)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n{keyLine}\n#EXTINF:2,\na.ts\n");

        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("#EXT-X-KEY", ex.Tag);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 3 (#EXT-X-KEY):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Gap_MarksOnlyTheNextChunk()
    {
        var playlist = Media("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXT-X-GAP\n#EXTINF:2,\nb.ts\n#EXTINF:2,\nc.ts\n");

        Assert.Equal([false, true, false], playlist.Chunks.Select(c => c.IsGap));
    }

    [Fact]
    public void Parse_UnknownTagsAndComments_KeepsTagsIgnoresComments()
    {
        var playlist = Media("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-INDEPENDENT-SEGMENTS\n# a comment\n#EXTINF:2,\na.ts\n#EXT-X-FUTURE-TAG:X=1\n");

        Assert.Equal([new HlsUnknownTag(3, "#EXT-X-INDEPENDENT-SEGMENTS"), new HlsUnknownTag(7, "#EXT-X-FUTURE-TAG:X=1")], playlist.UnknownTags);
        Assert.Single(playlist.Chunks);
    }

    [Fact]
    public void Parse_NoTargetDuration_UsesLongestChunkRoundedUp()
    {
        var playlist = Media("#EXTM3U\n#EXTINF:2.2,\na.ts\n#EXTINF:4.1,\nb.ts\n");

        Assert.Equal(5, playlist.TargetDuration);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsAccepted()
    {
        var playlist = Media("\uFEFF#EXTM3U\n#EXTINF:2,\na.ts\n");

        Assert.Single(playlist.Chunks);
    }

    [Fact]
    public void Parse_MasterPlaylist_ReadsVariants()
    {
        var result = HlsPlaylistParser.Parse("""
            #EXTM3U
            #EXT-X-STREAM-INF:BANDWIDTH=1280000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
            low/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080
            high/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=64000
            audio.m3u8
            """, S3Playlist);

        var master = Assert.IsType<HlsPlaylist.Master>(result).Playlist;
        Assert.Equal(3, master.Variants.Count);
        Assert.Equal(new HlsVariant(MediaLocation.Parse("s3://recordings/stream42/low/index.m3u8"), 1280000, 640, 360, "avc1.4d401e,mp4a.40.2"), master.Variants[0]);
        Assert.Equal(1920, master.Variants[1].Width);
        Assert.Null(master.Variants[2].Height);
        Assert.Null(master.Variants[2].Codecs);
    }

    [Theory]
    [InlineData("#EXT-X-STREAM-INF:RESOLUTION=640x360", "BANDWIDTH attribute is missing")]
    [InlineData("#EXT-X-STREAM-INF:BANDWIDTH=fast", "not an integer")]
    [InlineData("#EXT-X-STREAM-INF:BANDWIDTH=100,RESOLUTION=640", "RESOLUTION")]
    public void Parse_MalformedStreamInf_FailsNamingLine(string line, string expected)
    {
        var ex = Fails($"#EXTM3U\n{line}\nv.m3u8\n");

        Assert.Equal(2, ex.LineNumber);
        Assert.Equal("#EXT-X-STREAM-INF", ex.Tag);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMedia_OnMasterPlaylist_Fails()
    {
        var ex = Assert.Throws<HlsParseException>(() => HlsPlaylistParser.ParseMedia("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n", LocalPlaylist));

        Assert.Contains("master playlist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("<html><body>404</body></html>")]
    [InlineData("#EXTINF:2,\na.ts\n")]
    public void Parse_NotAPlaylist_FailsSayingEXTM3U(string text)
    {
        var ex = Fails(text);

        Assert.Contains("#EXTM3U", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#EXTINF:abc,", "#EXTINF", "not a duration")]
    [InlineData("#EXTINF:NaN,", "#EXTINF", "not a duration")]
    [InlineData("#EXTINF:-2,", "#EXTINF", "negative")]
    [InlineData("#EXTINF:90000,", "#EXTINF", "not a plausible chunk")]
    [InlineData("#EXT-X-TARGETDURATION:-1", "#EXT-X-TARGETDURATION", "not an integer")]
    [InlineData("#EXT-X-MEDIA-SEQUENCE:x", "#EXT-X-MEDIA-SEQUENCE", "not an integer")]
    [InlineData("#EXT-X-DISCONTINUITY-SEQUENCE:1.5", "#EXT-X-DISCONTINUITY-SEQUENCE", "not an integer")]
    [InlineData("#EXT-X-VERSION:three", "#EXT-X-VERSION", "not an integer")]
    [InlineData("#EXT-X-PLAYLIST-TYPE:LIVE", "#EXT-X-PLAYLIST-TYPE", "neither VOD nor EVENT")]
    [InlineData("#EXT-X-PROGRAM-DATE-TIME:yesterday", "#EXT-X-PROGRAM-DATE-TIME", "ISO-8601")]
    [InlineData("#EXT-X-PROGRAM-DATE-TIME:2026-11-20T10:00:00", "#EXT-X-PROGRAM-DATE-TIME", "time zone")]
    [InlineData("#EXT-X-BYTERANGE:0@10", "#EXT-X-BYTERANGE", "positive length")]
    [InlineData("#EXT-X-BYTERANGE:10@x", "#EXT-X-BYTERANGE", "malformed offset")]
    [InlineData("#EXT-X-MAP:BYTERANGE=\"10@0\"", "#EXT-X-MAP", "URI attribute is missing")]
    [InlineData("#EXT-X-MAP:URI", "#EXT-X-MAP", "no '=value'")]
    public void Parse_MalformedTagValue_FailsNamingLineAndTag(string line, string tag, string expected)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-VERSION:3\n{line}\n#EXTINF:2,\na.ts\n");

        Assert.Equal(3, ex.LineNumber);
        Assert.Equal(tag, ex.Tag);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChunkFarLongerThanTargetDuration_FailsAsSuspicious()
    {
        var ex = Fails("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXTINF:25,\nb.ts\n");

        Assert.Equal(5, ex.LineNumber);
        Assert.Contains("10x EXT-X-TARGETDURATION", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChunkSlightlyLongerThanTargetDuration_IsAccepted()
    {
        var playlist = Media("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.4,\na.ts\n");

        Assert.Equal(2.4, playlist.Chunks[0].Duration);
    }

    [Theory]
    [InlineData("a.ts\n", "no #EXTINF")]
    [InlineData("#EXTINF:2,\n", "no URI line")]
    [InlineData("#EXTINF:2,\n#EXTINF:2,\na.ts\n", "has no URI line")]
    [InlineData("#EXTINF:2,\na.ts\n#EXT-X-MEDIA-SEQUENCE:5\n", "before the first chunk")]
    [InlineData("#EXTM3U\n", "appears twice")]
    public void Parse_StructuralError_FailsWithLine(string body, string expected)
    {
        var ex = Fails("#EXTM3U\n" + body);

        Assert.True(ex.LineNumber > 1);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MasterAndMediaTagsMixed_Fails()
    {
        var ex = Fails("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n#EXTINF:2,\na.ts\n");

        Assert.Contains("mixes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../other-stream/seg.ts")]
    [InlineData("sub/../../other-stream/seg.ts")]
    [InlineData("/media/other-stream/seg.ts")]
    [InlineData("../../../../../../etc/passwd")]
    public void Parse_UriLeavingRecordingFolder_Fails(string uri)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{uri}\n");

        Assert.Equal(4, ex.LineNumber);
        Assert.True(ex.Message.Contains("outside the recording's root", StringComparison.Ordinal) || ex.Message.Contains("climbs above", StringComparison.Ordinal), ex.Message);
    }

    [Theory]
    [InlineData("../stream42/seg.ts")]
    [InlineData("hd/../seg.ts")]
    [InlineData("./seg.ts")]
    public void Parse_DotDotStayingInsideFolder_IsAccepted(string uri)
    {
        var playlist = Media($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{uri}\n", S3Playlist);

        Assert.Equal("s3://recordings/stream42/seg.ts", playlist.Chunks[0].Uri.ToString());
    }

    [Theory]
    [InlineData("s3://other-bucket/stream42/seg.ts")]
    [InlineData("s3://recordings/stream43/seg.ts")]
    [InlineData("../stream43/seg.ts")]
    public void Parse_S3UriLeavingPrefix_Fails(string uri)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{uri}\n", S3Playlist);

        Assert.Contains("outside the recording's root 's3://recordings/stream42/'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#EXTINF:2,\nhttp://evil.example/seg.ts", "#EXTINF")]
    [InlineData("#EXTINF:2,\nhttps://cdn.example:8443/seg.ts?token=1", "#EXTINF")]
    [InlineData("#EXT-X-MAP:URI=\"https://evil.example/init.mp4\"\n#EXTINF:2,\na.ts", "#EXT-X-MAP")]
    [InlineData("#EXT-X-KEY:METHOD=AES-128,URI=\"http://keys.example/k\"\n#EXTINF:2,\na.ts", "#EXT-X-KEY")]
    public void Parse_AbsoluteHttpUriNotAllowed_FailsNamingHost(string body, string tag)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n{body}\n");

        Assert.Equal(tag, ex.Tag);
        Assert.Contains("not in the allowed hosts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AbsoluteHttpUriOnAllowedHost_PassesTheAllowListButNoStoreServesHttp()
    {
        var options = new HlsParserOptions { AllowedHttpHosts = ["cdn.example"] };

        var ex = Fails("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttps://CDN.example/seg.ts\n", options: options);

        Assert.DoesNotContain("not in the allowed hosts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no media store reads HTTP", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("FILE:/etc/passwd")]
    public void Parse_FileUri_AlwaysFails(string uri)
    {
        var options = new HlsParserOptions { AllowedHttpHosts = ["localhost", string.Empty] };

        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{uri}\n", options: options);

        Assert.Contains("file: URI", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:text/plain,hello")]
    [InlineData("ftp://host/seg.ts")]
    public void Parse_OtherScheme_Fails(string uri)
    {
        var ex = Fails($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n{uri}\n");

        Assert.Equal(4, ex.LineNumber);
        Assert.Contains("scheme", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverCharacterLimit_FailsBeforeParsing()
    {
        var options = new HlsParserOptions { MaxBytes = 1000 };
        var text = "#EXTM3U\n" + new string('#', 2000);

        var ex = Fails(text, options: options);

        Assert.Contains("over the limit of 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverLineLimit_Fails()
    {
        var text = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + string.Concat(Enumerable.Repeat("#EXTINF:2,\na.ts\n", 200_000));

        var ex = Fails(text);

        Assert.Contains("more than 200000 lines", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PathologicalAttributeList_FinishesQuickly()
    {
        // Quotes, commas and '=' in large numbers would make a backtracking regex explode; the hand-written scanner is linear.
        var attributes = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"X{i}=\"a,b=c\","));
        var playlist = Media($"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI=\"init.mp4\",{attributes}\n#EXTINF:2,\na.m4s\n");

        Assert.NotNull(playlist.Chunks[0].InitSection);
    }
}
