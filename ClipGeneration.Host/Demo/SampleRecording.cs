using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ClipGeneration.Host.Demo;

/// <summary>Makes a sample HLS recording with ffmpeg's test sources: a test pattern with a clock and a sine tone.</summary>
/// <remarks>
/// H.264 (ultrafast) + AAC, a keyframe every <see cref="SampleRecordingSpec.GopSeconds"/>, chunks of
/// <see cref="SampleRecordingSpec.ChunkSeconds"/>, EXT-X-PROGRAM-DATE-TIME on every chunk. Written to a temporary
/// folder and moved into place, so a half-made recording is never mistaken for a finished one. ffmpeg runs through
/// <see cref="ProcessStartInfo.ArgumentList"/>, never a shell. A missing ffmpeg or a failed run throws
/// <see cref="InvalidOperationException"/> with the command and the tail of its error output.
/// </remarks>
public static class SampleRecording
{
    public const string PlaylistName = "index.m3u8";

    /// <summary>Returns the playlist in <paramref name="folder"/>, making the recording first when it is not there.</summary>
    public static async Task<string> EnsureAsync(string folder, SampleRecordingSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var playlist = Path.Combine(folder, PlaylistName);
        if (File.Exists(playlist))
        {
            return playlist;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await RunFfmpegAsync(Arguments(spec, staging), cancellationToken);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(playlist))
            {
                // Another process made it at the same time; theirs is as good as ours.
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return playlist;
    }

    internal static IReadOnlyList<string> Arguments(SampleRecordingSpec spec, string outputFolder)
    {
        var rate = spec.FrameRate.ToString(CultureInfo.InvariantCulture);
        var seconds = spec.DurationSeconds.ToString(CultureInfo.InvariantCulture);
        return
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size={spec.Width}x{spec.Height}:rate={rate}:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-g", (spec.FrameRate * spec.GopSeconds).ToString(CultureInfo.InvariantCulture),
            "-keyint_min", (spec.FrameRate * spec.GopSeconds).ToString(CultureInfo.InvariantCulture),
            "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", "64k",
            "-f", "hls",
            "-hls_time", spec.ChunkSeconds.ToString(CultureInfo.InvariantCulture),
            "-hls_list_size", "0",
            "-hls_playlist_type", "vod",
            "-hls_flags", "program_date_time+independent_segments",
            "-hls_segment_filename", Path.Combine(outputFolder, "chunk-%05d.ts"),
            Path.Combine(outputFolder, PlaylistName),
        ];
    }

    private static async Task RunFfmpegAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("ffmpeg was not found on PATH; install it (Debian: apt-get install ffmpeg) or run ./clipgen, which installs it", missing);
        }

        using (process)
        {
            var errors = new StringBuilder();
            var readError = Task.Run(async () => errors.Append(await process.StandardError.ReadToEndAsync(cancellationToken)), cancellationToken);
            var readOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await Task.WhenAll(readError, readOutput);
            if (process.ExitCode != 0)
            {
                var tail = errors.ToString().Trim();
                throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} exited with {process.ExitCode}: {tail[Math.Max(0, tail.Length - 1000)..]}");
            }
        }
    }
}

/// <summary>The sample recording's shape. Defaults: the demo's 60 s 640x360 at 25 fps, 2 s GOP, 4 s chunks.</summary>
public sealed record SampleRecordingSpec
{
    public int DurationSeconds { get; init; } = 60;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 360;

    public int FrameRate { get; init; } = 25;

    public int GopSeconds { get; init; } = 2;

    public int ChunkSeconds { get; init; } = 4;
}
