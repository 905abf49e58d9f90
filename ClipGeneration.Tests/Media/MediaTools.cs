using System.Diagnostics;
using System.Globalization;

namespace ClipGeneration.Tests.Media;

/// <summary>Test-only ffmpeg invocations that check results: decode errors, frame PSNR, packet timing.</summary>
internal static class MediaTools
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Decodes every packet; returns what ffmpeg complained about (empty when the file plays through).</summary>
    public static async Task<string> DecodeErrorsAsync(string path)
    {
        var (exit, _, stderr) = await RunAsync("ffmpeg", "-hide_banner", "-v", "error", "-i", path, "-f", "null", "-");
        return exit == 0 ? stderr.Trim() : $"exit {exit}: {stderr}";
    }

    /// <summary>PSNR (dB) between the clip's first frame and the source's frame at <paramref name="sourceSeconds"/>.</summary>
    public static async Task<double> FirstFramePsnrAsync(string clip, string sourcePlaylist, double sourceSeconds)
    {
        var stats = Path.Combine(Path.GetDirectoryName(clip)!, $"psnr-{Guid.NewGuid():N}.log");
        var at = sourceSeconds.ToString("0.######", CultureInfo.InvariantCulture);
        var (exit, _, stderr) = await RunAsync(
            "ffmpeg", "-hide_banner", "-v", "error", "-i", clip, "-protocol_whitelist", "file,crypto", "-allowed_extensions", "ALL", "-i", sourcePlaylist,
            "-filter_complex", $"[1:v]trim=start={at},setpts=PTS-STARTPTS[ref];[0:v]setpts=PTS-STARTPTS[c];[c][ref]psnr=stats_file={stats}",
            "-frames:v", "1", "-f", "null", "-");
        Assert.True(exit == 0, stderr);
        var line = File.ReadLines(stats).First();
        File.Delete(stats);
        var value = line.Split(' ').First(p => p.StartsWith("psnr_avg:", StringComparison.Ordinal))[9..];
        return value == "inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>(pts, duration) of every packet of the first stream of a kind ("v" or "a").</summary>
    public static async Task<List<(double Pts, double Duration)>> PacketsAsync(string path, string kind)
    {
        var (exit, stdout, stderr) = await RunAsync("ffprobe", "-v", "error", "-select_streams", kind + ":0", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", path);
        Assert.True(exit == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .OrderBy(p => p.Item1)
            .ToList();
    }
}
