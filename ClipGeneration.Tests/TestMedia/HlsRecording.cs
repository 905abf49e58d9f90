using System.Diagnostics;

namespace ClipGeneration.Tests.TestMedia;

/// <summary>Makes small HLS recordings with real ffmpeg for integration tests (testsrc2 + sine, 2 s GOP).</summary>
internal static class HlsRecording
{
    /// <summary>
    /// Writes <c>index.m3u8</c> and 2 s MPEG-TS chunks (<c>seg000.ts</c>, ...) into <paramref name="folder"/>:
    /// 320x180 at 25 fps with a keyframe every 2 s, AAC audio, <paramref name="seconds"/> long, with PROGRAM-DATE-TIME.
    /// </summary>
    public static async Task<string> GenerateAsync(string folder, int seconds = 12)
    {
        Directory.CreateDirectory(folder);
        var playlist = Path.Combine(folder, "index.m3u8");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25",
            "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", "64k",
            "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", "-hls_flags", "program_date_time",
            "-hls_segment_filename", Path.Combine(folder, "seg%03d.ts"),
            playlist,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make the test recording in {folder}: {await stderr}");
        }

        return playlist;
    }

    /// <summary>Copies a recording folder, so a test can damage its copy.</summary>
    public static string CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        return Path.Combine(destination, "index.m3u8");
    }
}
