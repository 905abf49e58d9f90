using System.Text.Json.Nodes;
using ClipGeneration.Host.Demo;

namespace ClipGeneration.Tests.Host.Cli;

/// <summary><c>./clipgen clip</c> and <c>status</c> as processes: the record as JSON, the copied MP4, and the exit codes 0, 1 and 2.</summary>
public sealed class ClipgenClipProcessTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clipgen-cli-" + Guid.NewGuid().ToString("N"));
    private string _manifest = null!;

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _manifest = await SampleRecording.EnsureAsync(
            Path.Combine(_root, "recording"),
            new SampleRecordingSpec { DurationSeconds = 12, Width = 320, Height = 180, GopSeconds = 2, ChunkSeconds = 2 },
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Clip_ValidArguments_PrintsTheRecordCopiesTheMp4AndStatusAgrees()
    {
        var output = Path.Combine(_root, "out.mp4");

        var clip = await ClipgenProcess.RunAsync(_root, "clip", "--manifest", _manifest, "--range", "2/6", "--range", "00:00:08/00:00:10", "--out", output, "--id", "cli-clip", "--json", "--data", Data);

        Assert.True(clip.ExitCode == 0, $"clip exited {clip.ExitCode}: {clip.Output}\n{clip.Error}");
        var record = JsonNode.Parse(clip.Output)!;
        Assert.Equal("cli-clip", (string?)record["clipId"]);
        Assert.Equal("processed", (string?)record["status"]);
        Assert.Equal(2, record["segments"]!.AsArray().Count);
        await FfprobeCheck.AssertIsMp4Async(output);

        var again = await ClipgenProcess.RunAsync(_root, "clip", "--manifest", _manifest, "--range", "2/6", "--out", output, "--id", "cli-clip", "--data", Data);
        Assert.True(again.ExitCode == 0, $"re-run exited {again.ExitCode}: {again.Error}");

        var status = await ClipgenProcess.RunAsync(_root, "status", "cli-clip", "--json", "--data", Data);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("processed", (string?)JsonNode.Parse(status.Output)!["status"]);
    }

    [Theory]
    [InlineData("--range 'nope'", "clip", "--manifest", "{manifest}", "--range", "nope", "--out", "{out}")]
    [InlineData("--range '9/5'", "clip", "--manifest", "{manifest}", "--range", "9/5", "--out", "{out}")]
    [InlineData("--manifest 'missing.m3u8'", "clip", "--manifest", "missing.m3u8", "--range", "1/2", "--out", "{out}")]
    [InlineData("--mode 'fast'", "clip", "--manifest", "{manifest}", "--range", "1/2", "--mode", "fast", "--out", "{out}")]
    [InlineData("--out", "clip", "--manifest", "{manifest}", "--range", "1/2", "--out", "/no/such/folder/x.mp4")]
    [InlineData("CLIPID 'never-made'", "status", "never-made")]
    [InlineData("--manifest", "clip", "--range", "1/2", "--out", "{out}")]
    public async Task BadInput_ExitsTwoNamingTheArgument(string named, params string[] arguments)
    {
        var resolved = arguments.Select(a => a.Replace("{manifest}", _manifest, StringComparison.Ordinal).Replace("{out}", Path.Combine(_root, "bad.mp4"), StringComparison.Ordinal));

        var run = await ClipgenProcess.RunAsync(_root, [.. resolved, "--data", Data]);

        Assert.True(run.ExitCode == 2, $"expected exit 2, got {run.ExitCode}: {run.Output}\n{run.Error}");
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "bad.mp4")));
    }

    [Fact]
    public async Task Clip_RangeOutsideTheRecording_ExitsOneWithTheFailedStep()
    {
        var run = await ClipgenProcess.RunAsync(_root, "clip", "--manifest", _manifest, "--range", "100/110", "--out", Path.Combine(_root, "never.mp4"), "--id", "cli-failed", "--data", Data);

        Assert.True(run.ExitCode == 1, $"expected exit 1, got {run.ExitCode}: {run.Output}\n{run.Error}");
        Assert.Contains("cli-failed failed: plan", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "never.mp4")));
    }
}
