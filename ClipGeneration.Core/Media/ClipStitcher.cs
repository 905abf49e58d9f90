using System.Globalization;
using System.Text;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Joins segment files into one MP4 with <c>+faststart</c>: the concat demuxer with stream copy when probing shows
/// every segment has the same codec parameters, otherwise a re-encode that normalizes every segment to the first
/// one's resolution, frame rate and audio layout.
/// </summary>
/// <remarks>
/// The result is written to a temporary name beside <c>outputPath</c> and renamed over it, so an existing file is
/// replaced atomically and a failure leaves it untouched. Bad input: no segments throws
/// <see cref="ArgumentException"/>; a missing segment throws <see cref="FileNotFoundException"/> naming it; a segment
/// ffprobe cannot read throws <see cref="FfmpegInvalidInputException"/>.
/// </remarks>
public sealed class ClipStitcher
{
    private readonly FfmpegProcessRunner _runner;
    private readonly MediaProber _prober;

    public ClipStitcher(FfmpegProcessRunner runner, MediaProber prober)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(prober);
        _runner = runner;
        _prober = prober;
    }

    /// <summary>Joins the files at <paramref name="segmentPaths"/>, in order, into <paramref name="outputPath"/>.</summary>
    /// <remarks>Probes every segment first (one ffprobe each): use this for files whose origin is unknown, e.g. downloaded from a store.</remarks>
    public Task<StitchedClip> StitchAsync(
        IReadOnlyList<string> segmentPaths,
        string outputPath,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segmentPaths);
        return StitchCoreAsync(segmentPaths, new MediaInfo?[segmentPaths.Count], outputPath, progress, cancellationToken);
    }

    /// <summary>Joins segments this process just extracted, in order, into <paramref name="outputPath"/>.</summary>
    /// <remarks>
    /// Uses each segment's <see cref="ExtractedSegment.Info"/> (the extractor's probe of that very file) instead of
    /// probing it again, which saves one ffprobe process per segment. A segment without <c>Info</c>, or whose file size
    /// no longer equals <see cref="ExtractedSegment.SizeBytes"/> (the file was replaced), is probed as usual. Bad input
    /// as for <see cref="StitchAsync"/>. (A separate name, not an overload: <c>StitchAsync([], ...)</c> stays unambiguous.)
    /// </remarks>
    public Task<StitchedClip> StitchExtractedAsync(
        IReadOnlyList<ExtractedSegment> segments,
        string outputPath,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Any(s => s is null))
        {
            throw new ArgumentException("A segment in the list is null.", nameof(segments));
        }

        var known = segments.Select(s => s.Info is not null && File.Exists(s.Path) && new FileInfo(s.Path).Length == s.SizeBytes ? s.Info : null).ToArray();
        return StitchCoreAsync(segments.Select(s => s.Path).ToArray(), known, outputPath, progress, cancellationToken);
    }

    /// <summary>The stitch itself; <paramref name="knownInfos"/> holds a probe of each file, or null where it must be probed.</summary>
    internal async Task<StitchedClip> StitchCoreAsync(
        IReadOnlyList<string> segmentPaths,
        MediaInfo?[] knownInfos,
        string outputPath,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (segmentPaths.Count == 0)
        {
            throw new ArgumentException("There are no segments to stitch.", nameof(segmentPaths));
        }

        var paths = segmentPaths.Select(Path.GetFullPath).ToArray();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Segment '{path}' does not exist.", path);
            }
        }

        var infos = await Task.WhenAll(paths.Select((p, i) => knownInfos[i] is { } known ? Task.FromResult(known) : _prober.ProbeAsync(p, cancellationToken)));
        if (infos.Any(i => i.Video is null && i.Audio is null))
        {
            var index = Array.FindIndex(infos, i => i.Video is null && i.Audio is null);
            throw new ArgumentException($"Segment '{paths[index]}' has neither video nor audio.", nameof(segmentPaths));
        }

        var differences = StreamCompatibility.FindDifferences(infos);
        var total = TimeSpan.FromSeconds(infos.Sum(i => i.Duration ?? 0));
        using var output = new AtomicOutput(outputPath);
        if (differences.Count == 0)
        {
            await ConcatByCopyAsync(paths, output.TempPath, total, progress, cancellationToken);
        }
        else
        {
            await ConcatByReEncodingAsync(paths, infos, output.TempPath, total, progress, cancellationToken);
        }

        output.Commit();
        var finalInfo = await _prober.ProbeAsync(output.FinalPath, cancellationToken);
        var metadata = ClipMetadata.From(finalInfo, new FileInfo(output.FinalPath).Length);
        return new StitchedClip(output.FinalPath, differences.Count > 0, metadata, differences) { Info = finalInfo };
    }

    private async Task ConcatByCopyAsync(string[] paths, string tempPath, TimeSpan total, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
    {
        // The list lives beside the temporary output so it goes away with it and needs no other folder.
        var listPath = tempPath + ".ffconcat";
        await File.WriteAllTextAsync(listPath, ConcatListWriter.Format(paths), new UTF8Encoding(false), cancellationToken);
        try
        {
            string[] arguments =
            [
                "-protocol_whitelist", "file",
                "-f", "concat", "-safe", "0", "-i", "file:" + listPath,
                "-map", "0:v:0?", "-map", "0:a:0?",
                "-c", "copy",
                "-avoid_negative_ts", "make_zero",
                "-movflags", "+faststart",
                "-f", "mp4", "file:" + tempPath,
            ];
            await _runner.RunFfmpegAsync(arguments, tempPath, total, progress, cancellationToken);
        }
        finally
        {
            File.Delete(listPath);
        }
    }

    private async Task ConcatByReEncodingAsync(
        string[] paths,
        MediaInfo[] infos,
        string tempPath,
        TimeSpan total,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        var options = _runner.Options;
        var targetVideo = infos[0].Video;
        var targetAudio = infos[0].Audio;
        var arguments = new List<string>();
        var filter = new StringBuilder();
        var concatInputs = new StringBuilder();
        var inputIndex = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            arguments.AddRange(["-protocol_whitelist", "file", "-i", "file:" + paths[i]]);
            var fileInput = inputIndex++;
            var duration = (infos[i].Duration ?? 0).ToString("0.######", CultureInfo.InvariantCulture);
            if (targetVideo is not null)
            {
                var w = targetVideo.Width ?? 1280;
                var h = targetVideo.Height ?? 720;
                var fps = (targetVideo.FramesPerSecond ?? 25).ToString("0.######", CultureInfo.InvariantCulture);
                string source;
                if (infos[i].Video is not null)
                {
                    source = $"[{fileInput}:v:0]";
                }
                else
                {
                    // A segment without video gets black frames, so the concat filter sees the same streams everywhere.
                    arguments.AddRange(["-f", "lavfi", "-t", duration, "-i", $"color=c=black:s={w}x{h}:r={fps}"]);
                    source = $"[{inputIndex++}:v:0]";
                }

                filter.Append(CultureInfo.InvariantCulture, $"{source}scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={fps},format=yuv420p[v{i}];");
                concatInputs.Append(CultureInfo.InvariantCulture, $"[v{i}]");
            }

            if (targetAudio is not null)
            {
                var rate = targetAudio.SampleRate ?? 48000;
                var layout = targetAudio.ChannelLayout ?? (targetAudio.Channels == 1 ? "mono" : "stereo");
                string source;
                if (infos[i].Audio is not null)
                {
                    source = $"[{fileInput}:a:0]";
                }
                else
                {
                    // A segment without audio gets silence of its own length.
                    arguments.AddRange(["-f", "lavfi", "-t", duration, "-i", $"anullsrc=r={rate}:cl={layout}"]);
                    source = $"[{inputIndex++}:a:0]";
                }

                filter.Append(CultureInfo.InvariantCulture, $"{source}aresample={rate},aformat=sample_fmts=fltp:sample_rates={rate}:channel_layouts={layout}[a{i}];");
                concatInputs.Append(CultureInfo.InvariantCulture, $"[a{i}]");
            }
        }

        var videoCount = targetVideo is null ? 0 : 1;
        var audioCount = targetAudio is null ? 0 : 1;
        filter.Append(concatInputs).Append(CultureInfo.InvariantCulture, $"concat=n={paths.Length}:v={videoCount}:a={audioCount}");
        filter.Append(videoCount == 1 ? "[v]" : string.Empty).Append(audioCount == 1 ? "[a]" : string.Empty);
        arguments.AddRange(["-filter_complex", filter.ToString()]);
        if (videoCount == 1)
        {
            arguments.AddRange(["-map", "[v]", "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p"]);
        }

        if (audioCount == 1)
        {
            arguments.AddRange(["-map", "[a]", "-c:a", "aac", "-b:a", options.AudioBitrate]);
        }

        arguments.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart", "-f", "mp4", "file:" + tempPath]);
        await _runner.RunFfmpegAsync(arguments, tempPath, total, progress, cancellationToken);
    }
}
