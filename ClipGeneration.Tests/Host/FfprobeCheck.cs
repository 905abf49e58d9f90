using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClipGeneration.Tests.Host;

/// <summary>Asks ffprobe what a file is: the container format and its streams' codecs.</summary>
internal static class FfprobeCheck
{
    public static async Task<(string Format, IReadOnlyList<string> Codecs, double Duration)> ProbeAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-show_entries", "format=format_name,duration:stream=codec_name", "-of", "json", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffprobe failed on {path}: {errors}");
        var json = JsonNode.Parse(output)!;
        var codecs = json["streams"]!.AsArray().Select(s => (string)s!["codec_name"]!).ToList();
        return ((string)json["format"]!["format_name"]!, codecs, double.Parse((string)json["format"]!["duration"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Asserts the file is an MP4 with an H.264 video stream.</summary>
    public static async Task AssertIsMp4Async(string path)
    {
        var (format, codecs, duration) = await ProbeAsync(path);
        Assert.Contains("mp4", format, StringComparison.Ordinal);
        Assert.Contains("h264", codecs);
        Assert.True(duration > 0, $"{path} has no duration");
    }
}
