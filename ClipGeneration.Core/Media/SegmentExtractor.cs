using System.Globalization;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Cuts one requested range out of a recording into a local MP4: fetches only the chunks the plan names into a
/// work directory (always removed afterwards), cuts each piece (one discontinuity run) on its own, and joins the
/// pieces when a range spans a discontinuity.
/// </summary>
/// <remarks>
/// <para>Keyframe mode copies streams and starts at the keyframe at or before the requested start. The cut is an
/// output-side <c>-ss</c> at that keyframe's exact timestamp (found by probing packet flags), not an input-side seek:
/// measured on ffmpeg 5.1, input seeking in joined MPEG-TS chunks can land on the keyframe after the request.</para>
/// <para>Accurate mode decodes from the piece's first chunk and re-encodes (x264 + AAC) from the requested frame to
/// the requested end.</para>
/// <para>ffmpeg reads only local files (<c>-protocol_whitelist file</c>): chunks are fetched, byte ranges applied and
/// AES-128 decrypted in C# before ffmpeg runs.</para>
/// <para>Bad input: a range with no pieces, or a piece with no chunks or no duration, throws
/// <see cref="ArgumentException"/>; a chunk missing from the store throws <see cref="MediaNotFoundException"/>; a chunk
/// ffmpeg cannot read throws <see cref="FfmpegInvalidInputException"/> naming the piece's chunks; a missing key throws
/// <see cref="MediaKeyUnavailableException"/>. Cancellation kills ffmpeg and removes the work directory.</para>
/// </remarks>
public sealed class SegmentExtractor
{
    // Half a millisecond: below any frame duration, above the rounding of ffprobe's printed timestamps.
    private const double TimestampSlack = 0.0005;

    private readonly ChunkFetcher _fetcher;
    private readonly FfmpegProcessRunner _runner;
    private readonly MediaProber _prober;
    private readonly ClipStitcher _stitcher;

    public SegmentExtractor(IMediaStore store, FfmpegProcessRunner runner, MediaProber prober, ClipStitcher stitcher)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(prober);
        ArgumentNullException.ThrowIfNull(stitcher);
        _fetcher = new ChunkFetcher(store);
        _runner = runner;
        _prober = prober;
        _stitcher = stitcher;
    }

    /// <summary>Cuts <paramref name="range"/> into <paramref name="outputPath"/> (MP4), replacing any file there atomically.</summary>
    /// <param name="range">The range's plan: its pieces and their chunks.</param>
    /// <param name="mode">Keyframe (copy) or accurate (re-encode).</param>
    /// <param name="workRoot">A local folder for scratch files; a uniquely named sub-folder is made and always removed.</param>
    /// <param name="outputPath">Where the segment goes.</param>
    /// <param name="progress">ffmpeg progress of each cut, when wanted.</param>
    /// <param name="cancellationToken">Stops fetching and kills ffmpeg.</param>
    public async Task<ExtractedSegment> ExtractAsync(
        RangePlan range,
        ClipMode mode,
        string workRoot,
        string outputPath,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentException.ThrowIfNullOrEmpty(workRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        Validate(range);

        using var work = WorkDirectory.Create(workRoot, $"range{range.Index}");
        var cuts = new List<PieceCut>();
        for (var i = 0; i < range.Pieces.Count; i++)
        {
            var piece = range.Pieces[i];
            var source = work.File($"source{i}{SourceExtension(piece)}");
            await _fetcher.FetchAsync(piece, source, cancellationToken);
            cuts.Add(await CutAsync(range, piece, mode, source, work.File($"cut{i}.mp4"), progress, cancellationToken));
        }

        string finalPath;
        double duration;
        MediaInfo? info;
        if (cuts.Count == 1)
        {
            using var output = new AtomicOutput(outputPath);
            File.Move(cuts[0].Path, output.TempPath);
            output.Commit();
            finalPath = output.FinalPath;
            duration = cuts[0].Duration;
            info = cuts[0].Info;
        }
        else
        {
            // The pieces were probed right after their cut: the stitcher need not probe them again.
            var stitched = await _stitcher.StitchCoreAsync(cuts.Select(c => c.Path).ToArray(), cuts.Select(c => (MediaInfo?)c.Info).ToArray(), outputPath, progress, cancellationToken);
            finalPath = stitched.Path;
            duration = stitched.Metadata.DurationSeconds;
            info = stitched.Info;
        }

        return new ExtractedSegment(
            finalPath,
            range.Index,
            mode,
            range.Start,
            range.End,
            cuts[0].ActualStart,
            cuts[^1].ActualEnd,
            duration,
            new FileInfo(finalPath).Length)
        {
            Info = info,
        };
    }

    private static void Validate(RangePlan range)
    {
        if (range.Pieces.Count == 0)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"Range {range.Index} ({range.Start:0.###}-{range.End:0.###} s) has an empty plan: it maps to no chunks of the recording."),
                nameof(range));
        }

        for (var i = 0; i < range.Pieces.Count; i++)
        {
            var piece = range.Pieces[i];
            if (piece.Chunks.Count == 0)
            {
                throw new ArgumentException(FormattableString.Invariant($"Range {range.Index}, piece {i}: the piece names no chunks."), nameof(range));
            }

            if (!(piece.Duration > 0) || !(piece.StartOffset >= 0))
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"Range {range.Index}, piece {i}: start offset {piece.StartOffset} s and duration {piece.Duration} s do not describe media to cut."),
                    nameof(range));
            }
        }
    }

    private async Task<PieceCut> CutAsync(
        RangePlan range,
        PlannedPiece piece,
        ClipMode mode,
        string source,
        string cutPath,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        var chunkStart = piece.Chunks[0].StartOffset;
        try
        {
            double cutStart;
            List<string> arguments = ["-protocol_whitelist", "file", "-i", "file:" + source];
            if (mode == ClipMode.Keyframe)
            {
                // One ffprobe run gives the streams, the first timestamp and the keyframes near the start.
                var (info, keyframes) = await _prober.ProbeWithKeyframesAsync(source, piece.StartOffset + 1, cancellationToken);
                if (info.Video is null && info.Audio is null)
                {
                    throw new FfmpegInvalidInputException("the chunks hold neither video nor audio", string.Empty, null, string.Empty);
                }

                // Offsets are relative to the joined file's first timestamp, which is where the first chunk starts.
                var fileStart = info.StartTime ?? 0;
                cutStart = KeyframeAtOrBefore(keyframes.Select(k => k - fileStart).ToArray(), piece.StartOffset)
                    ?? throw new FfmpegInvalidInputException("no keyframe was found in the first chunk", string.Empty, null, string.Empty);
                arguments.AddRange([
                    "-ss", Seconds(Math.Max(0, cutStart - TimestampSlack)),
                    "-t", Seconds(piece.StartOffset + piece.Duration - cutStart),
                    "-map", "0:v:0?", "-map", "0:a:0?",
                    "-c", "copy",
                    "-avoid_negative_ts", "make_zero",
                ]);
            }
            else
            {
                // No probe first: output-side -ss counts from the file's first timestamp, and a file without usable
                // streams makes ffmpeg fail with a message the classifier marks as invalid input.
                cutStart = piece.StartOffset;
                var options = _runner.Options;
                arguments.AddRange([
                    "-ss", Seconds(piece.StartOffset),
                    "-t", Seconds(piece.Duration),
                    "-map", "0:v:0?", "-map", "0:a:0?",
                    "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-b:a", options.AudioBitrate,
                    "-threads", options.Threads.ToString(CultureInfo.InvariantCulture),
                ]);
            }

            // Accurate cuts keep the MP4 muxer's default: video at 0 and the AAC encoder's priming samples hidden by an
            // edit list. make_zero would shift video by the priming (21 ms) and a later join would round frames together.
            arguments.AddRange(["-f", "mp4", "file:" + cutPath]);
            await _runner.RunFfmpegAsync(arguments, cutPath, TimeSpan.FromSeconds(piece.Duration), progress, cancellationToken);
            var cut = await _prober.ProbeAsync(cutPath, cancellationToken);
            var duration = cut.Duration ?? 0;
            var actualStart = chunkStart + cutStart;
            return new PieceCut(cutPath, actualStart, actualStart + duration, duration, cut);
        }
        catch (FfmpegInvalidInputException ex)
        {
            var chunks = string.Join(", ", piece.Chunks.Select(c => $"'{c.Uri}'"));
            throw new FfmpegInvalidInputException(
                $"Range {range.Index}: chunk {chunks} could not be read as media: {ex.Message}",
                ex.CommandLine,
                ex.ExitCode,
                ex.StderrTail);
        }
    }

    /// <summary>The latest keyframe at or before <paramref name="start"/> (seconds, relative); null when there is none at all.</summary>
    /// <remarks>When every keyframe comes after the start (a chunk that does not open on a keyframe), the first one is used.</remarks>
    public static double? KeyframeAtOrBefore(IReadOnlyList<double> sortedKeyframes, double start)
    {
        ArgumentNullException.ThrowIfNull(sortedKeyframes);
        if (sortedKeyframes.Count == 0)
        {
            return null;
        }

        double? best = null;
        foreach (var keyframe in sortedKeyframes)
        {
            if (keyframe <= start + TimestampSlack)
            {
                best = keyframe;
            }
        }

        return Math.Max(0, best ?? sortedKeyframes[0]);
    }

    private static string SourceExtension(PlannedPiece piece)
    {
        var first = piece.Chunks[0];
        if (first.InitSection is not null)
        {
            return ".mp4";
        }

        var extension = Path.GetExtension(first.Uri.FileName).ToLowerInvariant();
        return extension is ".ts" or ".aac" or ".mp3" or ".ac3" or ".m4s" or ".mp4" ? extension : ".ts";
    }

    private static string Seconds(double seconds) => Math.Max(0, seconds).ToString("0.######", CultureInfo.InvariantCulture);

    private sealed record PieceCut(string Path, double ActualStart, double ActualEnd, double Duration, MediaInfo Info);
}
