using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Benchmarks;

/// <summary>
/// <c>./bench.sh playlist</c>: parses a generated 24-hour playlist (14,400 chunks of 6 s, with PROGRAM-DATE-TIME)
/// and maps three ranges (an offset range, an hh:mm:ss range, a wall-clock range) onto it. Target: median &lt;= 50 ms.
/// </summary>
public static class PlaylistBenchmark
{
    private const int Chunks = 14_400;
    private const int WarmupRuns = 30;
    private const int MeasuredRuns = 20;

    public static int Run(string[] args)
    {
        _ = args;
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var text = Generate(start);
        var location = MediaLocation.Parse("s3://recordings/stream42/index.m3u8");
        TimeRange[] ranges =
        [
            new(TimePoint.FromSeconds(65.5), TimePoint.FromSeconds(95)),
            new(TimePoint.Parse("12:00:00"), TimePoint.Parse("12:10:00")),
            new(TimePoint.FromInstant(start.AddHours(23)), TimePoint.FromInstant(start.AddHours(23.5))),
        ];

        for (var i = 0; i < WarmupRuns; i++)
        {
            RangeMapper.Map(HlsPlaylistParser.ParseMedia(text, location), ranges);
        }

        var parseMs = new double[MeasuredRuns];
        var totalMs = new double[MeasuredRuns];
        ClipPlan? plan = null;
        for (var i = 0; i < MeasuredRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            var playlist = HlsPlaylistParser.ParseMedia(text, location);
            parseMs[i] = watch.Elapsed.TotalMilliseconds;
            plan = RangeMapper.Map(playlist, ranges);
            totalMs[i] = watch.Elapsed.TotalMilliseconds;
        }

        var median = Median(totalMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"playlist: {Chunks} chunks of 6 s (24 h) with PROGRAM-DATE-TIME, {text.Length / 1024} KiB, {ranges.Length} ranges"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: {WarmupRuns} warm-up, {MeasuredRuns} measured"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse:       median {Median(parseMs):0.00} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse + map: median {median:0.00} ms, min {totalMs.Min():0.00} ms, max {totalMs.Max():0.00} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chunks planned: {plan!.Ranges.Sum(r => r.Pieces.Sum(p => p.Chunks.Count))}"));
        Console.WriteLine(median <= 50 ? "target <= 50 ms: met" : "target <= 50 ms: NOT met");
        return 0;
    }

    private static string Generate(DateTimeOffset start)
    {
        var text = new StringBuilder(Chunks * 96);
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < Chunks; i++)
        {
            // A PROGRAM-DATE-TIME every 10 chunks, as encoders commonly write it; the parser extrapolates between.
            if (i % 10 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"#EXT-X-PROGRAM-DATE-TIME:{start.AddSeconds(i * 6):yyyy-MM-ddTHH:mm:ss.fffZ}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:6.000000,\nchunk{i:D5}.ts\n");
        }

        text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
