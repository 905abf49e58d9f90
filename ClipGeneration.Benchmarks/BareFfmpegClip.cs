using System.Globalization;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Planning;

namespace ClipGeneration.Benchmarks;

/// <summary>
/// The media benchmark's baseline: the same clip made with ffmpeg/ffprobe alone, the way a user would type it. Each range
/// reads exactly the chunks our extractor fetches, joined by ffmpeg's <c>concat:</c> protocol (our extractor joins the
/// same bytes in C#); every cut is an MP4 and the join is the concat demuxer with the same flags as our stitcher
/// (<c>-c copy -avoid_negative_ts make_zero -movflags +faststart</c>).
/// </summary>
internal static class BareFfmpegClip
{
    /// <summary>What each baseline does, printed with the figures.</summary>
    public static readonly string[] Descriptions =
    [
        "bare naive     per range: ffmpeg -ss START -i concat:CHUNKS -t LEN -c copy -avoid_negative_ts make_zero (input seek: in MPEG-TS the",
        "               video starts at the first keyframe AFTER the request, audio at it, so each range opens with up to a GOP of",
        "               sound without picture: not the clip keyframe mode promises); then ffmpeg -f concat -c copy +faststart.",
        "bare same      per range: ffprobe the video packets' flags up to START+1 s (the keyframe at or before START), then",
        "               ffmpeg -i concat:CHUNKS -ss KEYFRAME -t LEN -c copy -avoid_negative_ts make_zero; then the same concat: the same clip as ours.",
        "bare same ||   the same, the three ranges' probe + cut at once (a shell's & and wait), then the concat.",
        "bare accurate  per range: ffmpeg -ss START -i concat:CHUNKS -t LEN, x264 + AAC as ours (input seek decodes from the keyframe before); then the concat.",
    ];

    /// <summary>Naive keyframe cut (input seek) or accurate cut, then the join.</summary>
    public static async Task MakeWithInputSeekAsync(ClipMode mode, FfmpegProcessRunner runner, IReadOnlyList<RangePlan> ranges, string work)
    {
        var options = runner.Options;
        var outputs = new List<string>();
        foreach (var range in ranges)
        {
            var piece = range.Pieces[0];
            var output = Path.Combine(work, $"bare{range.Index}.mp4");
            List<string> arguments = ["-protocol_whitelist", "file,concat", "-ss", Seconds(piece.StartOffset), "-i", ConcatInput(piece), "-t", Seconds(piece.Duration), "-map", "0:v:0?", "-map", "0:a:0?"];
            arguments.AddRange(mode == ClipMode.Keyframe
                ? ["-c", "copy", "-avoid_negative_ts", "make_zero"]
                :
                [
                    "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-b:a", options.AudioBitrate, "-threads", options.Threads.ToString(CultureInfo.InvariantCulture),
                ]);
            arguments.AddRange(["-f", "mp4", "file:" + output]);
            await runner.RunFfmpegAsync(arguments, output, null, null, CancellationToken.None);
            outputs.Add(output);
        }

        await JoinAsync(runner, outputs, work);
    }

    /// <summary>The same keyframe-mode clip as ours: find the keyframe at or before each start with ffprobe, cut there, join.</summary>
    /// <param name="runner">Runs ffmpeg and ffprobe.</param>
    /// <param name="ranges">The ranges, one piece each.</param>
    /// <param name="work">Scratch folder.</param>
    /// <param name="concurrent">Run the ranges' probe + cut chains at the same time (a shell's <c>&amp;</c> and <c>wait</c>).</param>
    public static async Task MakeFromKeyframeBeforeAsync(FfmpegProcessRunner runner, IReadOnlyList<RangePlan> ranges, string work, bool concurrent)
    {
        var outputs = new List<string>();
        if (concurrent)
        {
            outputs.AddRange(await Task.WhenAll(ranges.Select(r => CutAtKeyframeBeforeAsync(runner, r, work))));
        }
        else
        {
            foreach (var range in ranges)
            {
                outputs.Add(await CutAtKeyframeBeforeAsync(runner, range, work));
            }
        }

        await JoinAsync(runner, outputs, work);
    }

    private static async Task<string> CutAtKeyframeBeforeAsync(FfmpegProcessRunner runner, RangePlan range, string work)
    {
        var piece = range.Pieces[0];
        var input = ConcatInput(piece);
        var json = await runner.RunFfprobeAsync(
        [
            "-protocol_whitelist", "file,concat", "-print_format", "json", "-select_streams", "v:0",
            "-show_entries", "format=start_time:packet=pts_time,flags", "-read_intervals", "%+" + Seconds(piece.StartOffset + 1), input,
        ], CancellationToken.None);
        var fileStart = FfprobeJsonParser.ParseMediaInfo(json).StartTime ?? 0;
        var keyframe = SegmentExtractor.KeyframeAtOrBefore(FfprobeJsonParser.ParseKeyframeTimes(json).Select(k => k - fileStart).ToArray(), piece.StartOffset) ?? 0;
        var output = Path.Combine(work, $"same{range.Index}.mp4");
        await runner.RunFfmpegAsync(
        [
            "-protocol_whitelist", "file,concat", "-i", input, "-ss", Seconds(Math.Max(0, keyframe - 0.0005)), "-t", Seconds(piece.StartOffset + piece.Duration - keyframe),
            "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-avoid_negative_ts", "make_zero", "-f", "mp4", "file:" + output,
        ], output, null, null, CancellationToken.None);
        return output;
    }

    public static string ClipPath(string work) => Path.Combine(work, "bare.mp4");

    private static async Task JoinAsync(FfmpegProcessRunner runner, List<string> outputs, string work)
    {
        var listPath = Path.Combine(work, "bare.ffconcat");
        await File.WriteAllTextAsync(listPath, ConcatListWriter.Format(outputs));
        var clip = ClipPath(work);
        await runner.RunFfmpegAsync(
        [
            "-protocol_whitelist", "file", "-f", "concat", "-safe", "0", "-i", "file:" + listPath,
            "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-avoid_negative_ts", "make_zero", "-movflags", "+faststart", "-f", "mp4", "file:" + clip,
        ], clip, null, null, CancellationToken.None);
    }

    // The benchmark's chunk paths are ours (the cache folder), so none holds the '|' the concat protocol splits on.
    private static string ConcatInput(PlannedPiece piece) => "concat:" + string.Join('|', piece.Chunks.Select(c => c.Uri.Path));

    private static string Seconds(double seconds) => seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
