using System.Diagnostics;
using System.Globalization;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Local;

namespace ClipGeneration.Benchmarks;

/// <summary>
/// <c>./bench.sh media</c>: times the extractor + stitcher against bare ffmpeg doing the same work (three 20 s ranges
/// cut from a 10-minute 1280x720 30 fps HLS recording with 6 s chunks, then joined into one MP4), for each mode,
/// and prints the ratios. Goal: keyframe mode within 1.2x of bare ffmpeg. <c>--keyframe-only</c> skips accurate mode.
/// </summary>
/// <remarks>
/// The recording is made once and cached outside the repository (<c>$XDG_CACHE_HOME/clipgeneration/bench</c>, else
/// <c>~/.cache/clipgeneration/bench</c>): one minute of testsrc2 + sine (x264 ultrafast, 2 s GOP) looped ten times
/// by stream copy into 6 s MPEG-TS chunks.
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
        var work = Directory.CreateTempSubdirectory("clipgen-bench-").FullName;
        try
        {
            Console.WriteLine($"recording: {playlist} ({chunks.Count} chunks, {chunks[^1].StartOffset + chunks[^1].Duration:0} s)");
            Console.WriteLine($"ranges: {string.Join(", ", Ranges.Select(r => $"{r.Start}-{r.End} s"))}; accurate: x264 {options.Preset} crf {options.Crf}");
            Console.WriteLine();
            Console.WriteLine("mode       runs  ours (s)  bare ffmpeg (s)  ratio");
            var keyframe = await CompareAsync(ClipMode.Keyframe, KeyframeRepetitions, runner, chunks, playlist, work);
            // --keyframe-only skips the CPU-heavy accurate comparison (about a minute of 720p encoding per side).
            var accurate = args.Contains("--keyframe-only", StringComparer.Ordinal)
                ? double.NaN
                : await CompareAsync(ClipMode.Accurate, 1, runner, chunks, playlist, work);
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant(
                $"keyframe ratio {keyframe:0.00}x (goal <= 1.20x: {(keyframe <= 1.2 ? "met" : "not met")}); accurate ratio {accurate:0.00}x"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<double> CompareAsync(ClipMode mode, int runs, FfmpegProcessRunner runner, IReadOnlyList<PlannedChunk> chunks, string playlist, string work)
    {
        var prober = new MediaProber(runner);
        var stitcher = new ClipStitcher(runner, prober);
        var extractor = new SegmentExtractor(new LocalFolderMediaStore(), runner, prober, stitcher);
        var ours = new List<double>();
        var bare = new List<double>();

        // One untimed run of each warms the page cache and the process start path, so neither side pays for it.
        for (var run = -1; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var segments = new List<string>();
            for (var i = 0; i < Ranges.Length; i++)
            {
                var segment = await extractor.ExtractAsync(Plan(chunks, i, Ranges[i].Start, Ranges[i].End), mode, work, Path.Combine(work, $"ours{i}.mp4"), null, CancellationToken.None);
                segments.Add(segment.Path);
            }

            var clip = await stitcher.StitchAsync(segments, Path.Combine(work, "ours.mp4"), null, CancellationToken.None);
            if (run >= 0)
            {
                ours.Add(stopwatch.Elapsed.TotalSeconds);
            }

            stopwatch.Restart();
            await BareFfmpegAsync(mode, runner, playlist, work);
            if (run >= 0)
            {
                bare.Add(stopwatch.Elapsed.TotalSeconds);
            }

            if (run == runs - 1)
            {
                Console.WriteLine(FormattableString.Invariant($"           clip: {clip.Metadata.DurationSeconds:0.00} s, {clip.Metadata.SizeBytes / 1e6:0.0} MB, re-encoded at stitch: {clip.ReEncoded}"));
            }
        }

        var oursMedian = Median(ours);
        var bareMedian = Median(bare);
        var ratio = oursMedian / bareMedian;
        Console.WriteLine(FormattableString.Invariant($"{mode.ToString().ToLowerInvariant(),-10} {runs,4}  {oursMedian,8:0.000}  {bareMedian,15:0.000}  {ratio,5:0.00}x"));
        return ratio;
    }

    /// <summary>What a user would type: cut each range from the playlist with ffmpeg, then join with the concat demuxer.</summary>
    private static async Task BareFfmpegAsync(ClipMode mode, FfmpegProcessRunner runner, string playlist, string work)
    {
        var options = runner.Options;
        var list = new List<string>();
        for (var i = 0; i < Ranges.Length; i++)
        {
            var output = Path.Combine(work, $"bare{i}.mp4");
            List<string> arguments = ["-protocol_whitelist", "file", "-ss", Seconds(Ranges[i].Start), "-i", playlist, "-t", Seconds(Ranges[i].End - Ranges[i].Start)];
            arguments.AddRange(mode == ClipMode.Keyframe
                ? ["-c", "copy", "-avoid_negative_ts", "make_zero"]
                : ["-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-c:a", "aac", "-b:a", options.AudioBitrate]);
            arguments.AddRange(["-f", "mp4", output]);
            await runner.RunFfmpegAsync(arguments, output, null, null, CancellationToken.None);
            list.Add(output);
        }

        var listPath = Path.Combine(work, "bare.ffconcat");
        await File.WriteAllTextAsync(listPath, ConcatListWriter.Format(list));
        var clip = Path.Combine(work, "bare.mp4");
        await runner.RunFfmpegAsync(
            ["-f", "concat", "-safe", "0", "-i", listPath, "-c", "copy", "-movflags", "+faststart", "-f", "mp4", clip],
            clip,
            null,
            null,
            CancellationToken.None);
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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
