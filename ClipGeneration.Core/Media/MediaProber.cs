namespace ClipGeneration.Core.Media;

/// <summary>Runs ffprobe on local files and parses what it prints.</summary>
/// <remarks>
/// Bad input: a file ffprobe cannot read throws <see cref="FfmpegInvalidInputException"/> naming ffprobe's complaint;
/// a missing file throws <see cref="FileNotFoundException"/> before ffprobe runs.
/// </remarks>
public sealed class MediaProber
{
    private readonly FfmpegProcessRunner _runner;

    public MediaProber(FfmpegProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>Format and streams of a local file.</summary>
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        RequireFile(path);
        var json = await _runner.RunFfprobeAsync(
            ["-protocol_whitelist", "file", "-print_format", "json", "-show_format", "-show_streams", "file:" + path],
            cancellationToken);
        return FfprobeJsonParser.ParseMediaInfo(json);
    }

    /// <summary>
    /// Presentation times (seconds, in the file's own timestamps) of the keyframes of the first video stream, or of the
    /// first audio stream when there is no video. Reads packet flags only (no decoding); <paramref name="readSeconds"/>
    /// limits the scan to the file's first seconds.
    /// </summary>
    public async Task<IReadOnlyList<double>> GetKeyframeTimesAsync(string path, bool hasVideo, double? readSeconds, CancellationToken cancellationToken)
    {
        RequireFile(path);
        List<string> arguments =
        [
            "-protocol_whitelist", "file",
            "-print_format", "json",
            "-select_streams", hasVideo ? "v:0" : "a:0",
            "-show_entries", "packet=pts_time,dts_time,flags",
        ];
        if (readSeconds is { } seconds)
        {
            arguments.AddRange(["-read_intervals", FormattableString.Invariant($"%+{seconds:0.###}")]);
        }

        arguments.Add("file:" + path);
        var json = await _runner.RunFfprobeAsync(arguments, cancellationToken);
        return FfprobeJsonParser.ParseKeyframeTimes(json);
    }

    /// <summary>
    /// Format, streams and keyframe times in one ffprobe run (one process instead of two): the keyframes of the first
    /// video stream, or of the first audio stream without video, read from the file's first
    /// <paramref name="readSeconds"/> seconds.
    /// </summary>
    public async Task<(MediaInfo Info, IReadOnlyList<double> Keyframes)> ProbeWithKeyframesAsync(string path, double readSeconds, CancellationToken cancellationToken)
    {
        RequireFile(path);
        var json = await _runner.RunFfprobeAsync(
        [
            "-protocol_whitelist", "file",
            "-print_format", "json",
            "-show_format", "-show_streams",
            "-show_entries", "packet=stream_index,pts_time,dts_time,flags",
            "-read_intervals", FormattableString.Invariant($"%+{readSeconds:0.###}"),
            "file:" + path,
        ], cancellationToken);
        var info = FfprobeJsonParser.ParseMediaInfo(json);
        var stream = info.Video ?? info.Audio;
        return (info, stream is null ? [] : FfprobeJsonParser.ParseKeyframeTimes(json, stream.Index));
    }

    private static void RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Cannot probe '{path}': no such file.", path);
        }
    }
}
