using System.Text.RegularExpressions;

namespace ClipGeneration.Tests.Host.Cli;

/// <summary><c>./clipgen demo</c> as a process on a fresh data directory: exit code, the three clips it reports, their files.</summary>
public sealed class ClipgenDemoProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "clipgen-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_FreshDataDirectory_ExitsZeroAndReportsThreeProcessedClips()
    {
        var (exitCode, output, error) = await ClipgenProcess.RunAsync(Path.GetTempPath(), "demo", "--data", _data);

        Assert.True(exitCode == 0, $"demo exited {exitCode}: {output}\n{error}");
        Assert.True(File.Exists(Path.Combine(_data, "media", "sample", "index.m3u8")), "the sample recording was made under <data>/media/sample");
        foreach (var label in new[] { "keyframe", "accurate", "three-segments" })
        {
            var row = output.Split('\n').SingleOrDefault(line => Regex.IsMatch(line, $@"demo-\d{{8}}-\d{{6}}-{label}\b"));
            Assert.True(row is not null, $"no table row for the {label} clip in:\n{output}");
            Assert.Contains("processed", row, StringComparison.Ordinal);
            var path = Regex.Match(row, @"(/\S+\.mp4)").Groups[1].Value;
            Assert.StartsWith(Path.Combine(_data, "output"), path, StringComparison.Ordinal);
            await FfprobeCheck.AssertIsMp4Async(path);
        }
    }
}
