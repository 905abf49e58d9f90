using System.Diagnostics;
using System.Globalization;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Local;

namespace ClipGeneration.Benchmarks;

/// <summary>
/// <c>./bench.sh media</c>: times the extractor + stitcher against bare ffmpeg (three 20 s ranges cut from a 10-minute
/// 1280x720 30 fps HLS recording with 6 s chunks, then joined into one MP4), for each mode, and prints the medians,
/// the processes each side starts, the clip each side makes and the ratios. Goal: keyframe mode within 1.2x of bare
/// ffmpeg. <c>--keyframe-only</c> skips accurate mode.
/// </summary>
/// <remarks>
/// <para>Keyframe mode has two baselines (<see cref="BareFfmpegClip"/>): the naive input seek, which in MPEG-TS starts the video of each
/// range at the keyframe after the request (audio at it: a head without picture), and the same clip as ours (ffprobe for the
/// keyframe at or before, then the cut). Ours is timed twice from one extraction: stitched with the extractor's probes
/// (<see cref="ClipStitcher.StitchExtractedAsync"/>, the in-process path) and stitched from the files (probing them again,
/// as the workflow's StitchClip activity does with downloaded segments).</para>
/// <para>The recording is made once and cached outside the repository (<c>$XDG_CACHE_HOME/clipgeneration/bench</c>, else
/// <c>~/.cache/clipgeneration/bench</c>): one minute of testsrc2 + sine (x264 ultrafast, 2 s GOP) looped ten times
/// by stream copy into 6 s MPEG-TS chunks.</para>
/// </remarks>
public static class MediaBenchmark
{
    private const int KeyframeRepetitions = 5;
    private static readonly (double Start, double End)[] Ranges = [(65.5, 85.5), (250.3, 270.3), (491.7, 511.7)];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FfmpegOptions();
        var runner = new FfmpegProcessRunner(options);
        var playlist = await EnsureRecordingAsync(runner);
        var chunks = ReadChunks(playlist);
        var ranges = Ranges.Select((r, i) => Plan(chunks, i, r.Start, r.End)).ToArray();
        var work = Directory.CreateTempSubdirectory("clipgen-bench-").FullName;
        try
        {
            Console.WriteLine($"recording: {playlist} ({chunks.Count} chunks, {chunks[^1].StartOffset + chunks[^1].Duration:0} s)");
            Console.WriteLine($"ranges: {string.Join(", ", Ranges.Select(r => $"{r.Start}-{r.End} s"))}; accurate: x264 {options.Preset} crf {options.Crf}");
            Console.WriteLine("what each side does (every process counted; all cuts and clips are MP4, the clip with +faststart):");
            Console.WriteLine("ours           per range: SegmentExtractor (fetch + join the chunks in C#; ffprobe streams + keyframes; ffmpeg cut; ffprobe the cut),");
            Console.WriteLine("               then ClipStitcher given the extracted segments (no new segment probes; ffmpeg concat; ffprobe the clip).");
            Console.WriteLine("ours stored    the same extraction, then ClipStitcher on the segment files (probes each again, as the workflow's");
            Console.WriteLine("               StitchClip activity must for the files it downloads).");
            Console.WriteLine("ours ||        as ours, the three extractions at once (the workflow's default segmentConcurrency is 3).");
            foreach (var line in BareFfmpegClip.Descriptions)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine();
            Console.WriteLine("mode      side           runs  procs  median (s)  clip (s)");
            var keyframe = await CompareKeyframeAsync(runner, ranges, work);
            var (sameRatio, naiveRatio, storedRatio) = (keyframe.Ours / keyframe.BareSame, keyframe.Ours / keyframe.BareNaive, keyframe.OursStored / keyframe.BareSame);
            Console.WriteLine(FormattableString.Invariant(
                $"keyframe ratios: ours / bare same {sameRatio:0.00}x, ours / bare naive {naiveRatio:0.00}x, ours stored / bare same {storedRatio:0.00}x, ours || / bare same || {keyframe.OursConcurrent / keyframe.BareSameConcurrent:0.00}x"));
            Console.WriteLine(FormattableString.Invariant(
                $"goal <= 1.20x: against the same clip {(sameRatio <= 1.2 ? "met" : "not met")}, against the naive clip {(naiveRatio <= 1.2 ? "met" : "not met")}"));

            // --keyframe-only skips the CPU-heavy accurate comparison (about a minute of 720p encoding per side).
            if (!args.Contains("--keyframe-only", StringComparer.Ordinal))
            {
                var (ours, bare) = await CompareAccurateAsync(runner, ranges, work);
                Console.WriteLine(FormattableString.Invariant($"accurate ratio: ours / bare {ours / bare:0.00}x"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(double Ours, double OursStored, double BareNaive, double BareSame, double OursConcurrent, double BareSameConcurrent)> CompareKeyframeAsync(
        FfmpegProcessRunner runner, RangePlan[] ranges, string work)
    {
        var counter = new ProcessCounter(runner);
        var ours = new BenchmarkSide("ours");
        var stored = new BenchmarkSide("ours stored");
        var naive = new BenchmarkSide("bare naive");
        var same = new BenchmarkSide("bare same");
        var oursConcurrent = new BenchmarkSide("ours ||");
        var sameConcurrent = new BenchmarkSide("bare same ||");

        // One untimed run of each warms the page cache and the process start path, so no side pays for it.
        for (var run = -1; run < KeyframeRepetitions; run++)
        {
            var timed = run >= 0;
            var (segments, extractSeconds, extractProcesses) = await ExtractAllAsync(ClipMode.Keyframe, runner, ranges, work, counter, concurrent: false);
            var stitcher = new ClipStitcher(runner, new MediaProber(runner));
            await ours.TimeAsync(timed, counter, () => stitcher.StitchExtractedAsync(segments, Path.Combine(work, "ours.mp4"), null, CancellationToken.None), extractSeconds, extractProcesses);
            await stored.TimeAsync(timed, counter, () => stitcher.StitchAsync(segments.Select(s => s.Path).ToArray(), Path.Combine(work, "ours-stored.mp4"), null, CancellationToken.None), extractSeconds, extractProcesses);
            await naive.TimeAsync(timed, counter, () => BareFfmpegClip.MakeWithInputSeekAsync(ClipMode.Keyframe, runner, ranges, work), BareFfmpegClip.ClipPath(work), runner);
            await same.TimeAsync(timed, counter, () => BareFfmpegClip.MakeFromKeyframeBeforeAsync(runner, ranges, work, concurrent: false), BareFfmpegClip.ClipPath(work), runner);
            (segments, extractSeconds, extractProcesses) = await ExtractAllAsync(ClipMode.Keyframe, runner, ranges, work, counter, concurrent: true);
            await oursConcurrent.TimeAsync(timed, counter, () => stitcher.StitchExtractedAsync(segments, Path.Combine(work, "ours.mp4"), null, CancellationToken.None), extractSeconds, extractProcesses);
            await sameConcurrent.TimeAsync(timed, counter, () => BareFfmpegClip.MakeFromKeyframeBeforeAsync(runner, ranges, work, concurrent: true), BareFfmpegClip.ClipPath(work), runner);
        }

        foreach (var measure in new[] { ours, stored, naive, same, oursConcurrent, sameConcurrent })
        {
            Console.WriteLine(measure.Format("keyframe", KeyframeRepetitions));
        }

        return (ours.Median, stored.Median, naive.Median, same.Median, oursConcurrent.Median, sameConcurrent.Median);
    }

    private static async Task<(double Ours, double Bare)> CompareAccurateAsync(FfmpegProcessRunner runner, RangePlan[] ranges, string work)
    {
        var counter = new ProcessCounter(runner);
        var ours = new BenchmarkSide("ours");
        var bare = new BenchmarkSide("bare accurate");
        var (segments, extractSeconds, extractProcesses) = await ExtractAllAsync(ClipMode.Accurate, runner, ranges, work, counter, concurrent: false);
        var stitcher = new ClipStitcher(runner, new MediaProber(runner));
        await ours.TimeAsync(true, counter, () => stitcher.StitchExtractedAsync(segments, Path.Combine(work, "ours.mp4"), null, CancellationToken.None), extractSeconds, extractProcesses);
        await bare.TimeAsync(true, counter, () => BareFfmpegClip.MakeWithInputSeekAsync(ClipMode.Accurate, runner, ranges, work), BareFfmpegClip.ClipPath(work), runner);
        Console.WriteLine(ours.Format("accurate", 1));
        Console.WriteLine(bare.Format("accurate", 1));
        return (ours.Median, bare.Median);
    }

    private static async Task<(List<ExtractedSegment> Segments, double Seconds, int Processes)> ExtractAllAsync(
        ClipMode mode, FfmpegProcessRunner runner, RangePlan[] ranges, string work, ProcessCounter counter, bool concurrent)
    {
        var prober = new MediaProber(runner);
        var extractor = new SegmentExtractor(new LocalFolderMediaStore(), runner, prober, new ClipStitcher(runner, prober));
        var before = counter.Count;
        var stopwatch = Stopwatch.StartNew();
        var segments = new List<ExtractedSegment>();
        if (concurrent)
        {
            segments.AddRange(await Task.WhenAll(ranges.Select(r => extractor.ExtractAsync(r, mode, work, Path.Combine(work, $"ours{r.Index}.mp4"), null, CancellationToken.None))));
        }
        else
        {
            foreach (var range in ranges)
            {
                segments.Add(await extractor.ExtractAsync(range, mode, work, Path.Combine(work, $"ours{range.Index}.mp4"), null, CancellationToken.None));
            }
        }

        return (segments, stopwatch.Elapsed.TotalSeconds, counter.Count - before);
    }

    private static async Task<string> EnsureRecordingAsync(FfmpegProcessRunner runner)
    {
        var cacheRoot = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var folder = Path.Combine(cacheRoot, "clipgeneration", "bench", "recording-720p30");
        var playlist = Path.Combine(folder, "index.m3u8");
        if (File.Exists(playlist))
        {
            return playlist;
        }

        Console.WriteLine($"making the benchmark recording once in {folder} (a few minutes)...");
        var temporary = folder + ".tmp";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        var minute = Path.Combine(temporary, "base.mp4");
        await runner.RunFfmpegAsync(
        [
            "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30", "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000", "-t", "60",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-c:a", "aac", "-b:a", "128k", minute,
        ], minute, null, null, CancellationToken.None);
        var temporaryPlaylist = Path.Combine(temporary, "index.m3u8");
        await runner.RunFfmpegAsync(
        [
            "-stream_loop", "9", "-i", minute, "-c", "copy", "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod",
            "-hls_segment_filename", Path.Combine(temporary, "seg%04d.ts"), temporaryPlaylist,
        ], temporaryPlaylist, null, null, CancellationToken.None);
        File.Delete(minute);
        Directory.Move(temporary, folder);
        return playlist;
    }

    /// <summary>Reads EXTINF + URI lines (the benchmark recording uses nothing else).</summary>
    private static List<PlannedChunk> ReadChunks(string playlistPath)
    {
        var location = MediaLocation.Local(playlistPath);
        var chunks = new List<PlannedChunk>();
        double duration = 0, offset = 0;
        foreach (var line in File.ReadLines(playlistPath))
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                duration = double.Parse(line[8..].TrimEnd(','), CultureInfo.InvariantCulture);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                chunks.Add(new PlannedChunk(location.Resolve(line), offset, duration, chunks.Count, null, null, null));
                offset += duration;
            }
        }

        return chunks;
    }

    private static RangePlan Plan(IReadOnlyList<PlannedChunk> chunks, int index, double start, double end)
    {
        var used = chunks.Where(c => c.StartOffset + c.Duration > start && c.StartOffset < end).ToList();
        return new RangePlan(index, start, end, [new PlannedPiece(used, start - used[0].StartOffset, end - start)]);
    }
}
