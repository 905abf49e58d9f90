using System.Globalization;
using System.Text;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;
using FsCheck;
using FsCheck.Fluent;

namespace ClipGeneration.Tests.Planning;

/// <summary>For random playlists and ranges, the plan covers exactly the requested time.</summary>
public sealed class RangeMapperPropertyTests
{
    private static readonly MediaLocation Location = MediaLocation.Parse("/media/stream/index.m3u8");

    /// <summary>A playlist text with random millisecond durations (0.001-12 s) and random discontinuities, plus a range inside it.</summary>
    private static Arbitrary<(string Text, double Start, double End)> Cases()
    {
        var chunk = Gen.Zip(Gen.Choose(1, 12_000), Gen.Elements(false, false, false, true)).Select(p => (Millis: p.Item1, Discontinuity: p.Item2));
        var chunks = Gen.Choose(1, 60).SelectMany(n => Gen.ArrayOf(chunk, n));
        var fractions = Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(1, 1_000_000));
        return Gen.Zip(chunks, fractions).Select(pair =>
        {
            var (list, (a, b)) = pair;
            var text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:12\n");
            var total = 0m;
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i].Discontinuity)
                {
                    text.Append("#EXT-X-DISCONTINUITY\n");
                }

                var seconds = list[i].Millis / 1000m;
                total += seconds;
                text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{seconds},\nc{i}.ts\n");
            }

            // start in [0, total), end in (start, total]
            var start = (double)total * (a / 1_000_001.0);
            var end = start + (((double)total - start) * (b / 1_000_000.0));
            return (Text: text.ToString(), Start: start, End: end);
        }).Where(c => c.End > c.Start).ToArbitrary();
    }

    [Fact]
    public void Map_RandomPlaylistsAndRanges_CoverExactlyTheRange()
    {
        Prop.ForAll(Cases(), c =>
        {
            var playlist = HlsPlaylistParser.ParseMedia(c.Text, Location);
            var plan = RangeMapper.Map(playlist, [new TimeRange(TimePoint.FromSeconds(c.Start), TimePoint.FromSeconds(c.End))]);
            var pieces = plan.Ranges[0].Pieces;
            var chunks = pieces.SelectMany(p => p.Chunks).ToList();
            const double Eps = 1e-9;

            var contiguous = chunks.Zip(chunks.Skip(1)).All(p => Math.Abs(p.First.StartOffset + p.First.Duration - p.Second.StartOffset) < Eps);
            var firstStartsAtOrBefore = chunks[0].StartOffset <= c.Start + Eps;
            var lastEndsAtOrAfter = chunks[^1].StartOffset + chunks[^1].Duration >= c.End - Eps;
            var everyChunkTouched = chunks.All(k => k.StartOffset < c.End && k.StartOffset + k.Duration > c.Start);
            var noneMissing = playlist.Chunks.Count(k => k.StartOffset < c.End && k.EndOffset > c.Start) == chunks.Count;
            var durationsAddUp = Math.Abs(pieces.Sum(p => p.Duration) - (c.End - c.Start)) < 1e-6;
            var offsetInsideFirst = pieces[0].StartOffset >= 0 && pieces[0].StartOffset < chunks[0].Duration + Eps;
            var piecesInOneSequence = pieces.All(p => p.Chunks.Select(k => playlist.Chunks.First(x => x.Uri == k.Uri).DiscontinuitySequence).Distinct().Count() == 1);

            return contiguous && firstStartsAtOrBefore && lastEndsAtOrAfter && everyChunkTouched && noneMissing
                && durationsAddUp && offsetInsideFirst && piecesInOneSequence;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomDurations_StartOffsetsAreExactPrefixSums()
    {
        var durations = Gen.ArrayOf(Gen.Choose(0, 99_999), 200).ToArbitrary();
        Prop.ForAll(durations, millis =>
        {
            var text = "#EXTM3U\n" + string.Concat(millis.Select((m, i) => $"#EXTINF:{(m / 1000m).ToString(CultureInfo.InvariantCulture)},\nc{i}.ts\n"));
            var playlist = HlsPlaylistParser.ParseMedia(text, Location);
            var sum = 0m;
            for (var i = 0; i < millis.Length; i++)
            {
                if (playlist.Chunks[i].StartOffset != (double)sum)
                {
                    return false;
                }

                sum += millis[i] / 1000m;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
