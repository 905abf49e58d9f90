using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Tests.Media;

public sealed class FfmpegProcessRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clipgen-runner-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunFfmpegAsync_MissingExecutable_SaysHowToInstallOrConfigure()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions { Path = "/nonexistent/ffmpeg" });

        var ex = await Assert.ThrowsAsync<FfmpegNotFoundException>(() => runner.RunFfmpegAsync(["-version"], null, null, null, CancellationToken.None));

        Assert.Contains("apt-get install ffmpeg", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:Ffmpeg:Path", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<INonRetryableFailure>(ex);
    }

    [Fact]
    public async Task RunFfprobeAsync_MissingExecutableOnPath_NamesTheFfprobeSetting()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions { FfprobePath = "ffprobe-that-is-not-installed" });

        var ex = await Assert.ThrowsAsync<FfmpegNotFoundException>(() => runner.RunFfprobeAsync(["-version"], CancellationToken.None));

        Assert.Contains("FfprobePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFfmpegAsync_RandomBytesInput_ThrowsNonRetryableWithCommandLineAndStderr()
    {
        var input = Path.Combine(_folder, "it's random.ts");
        await File.WriteAllBytesAsync(input, Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251)).ToArray());
        var runner = new FfmpegProcessRunner(new FfmpegOptions());

        var ex = await Assert.ThrowsAsync<FfmpegInvalidInputException>(() =>
            runner.RunFfmpegAsync(["-i", input, "-f", "mp4", Path.Combine(_folder, "out.mp4")], null, null, null, CancellationToken.None));

        Assert.IsAssignableFrom<INonRetryableFailure>(ex);
        Assert.Contains("'" + input.Replace("'", "'\\''", StringComparison.Ordinal) + "'", ex.CommandLine, StringComparison.Ordinal);
        Assert.NotEqual(0, ex.ExitCode);
        Assert.Contains("Invalid data found when processing input", ex.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFfmpegAsync_MissingInputFile_IsRetryableFailure()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions());

        var ex = await Assert.ThrowsAsync<FfmpegException>(() =>
            runner.RunFfmpegAsync(["-i", Path.Combine(_folder, "absent.ts"), "-f", "null", "-"], null, null, null, CancellationToken.None));

        Assert.IsNotAssignableFrom<INonRetryableFailure>(ex);
        Assert.Equal(FfmpegFailureKind.Failed, ex.Kind);
        Assert.Contains("No such file or directory", ex.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFfmpegAsync_ExitZeroWithoutOutputFile_Throws()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions());
        var expected = Path.Combine(_folder, "expected.mp4");

        var ex = await Assert.ThrowsAsync<FfmpegException>(() =>
            runner.RunFfmpegAsync(["-f", "lavfi", "-i", "testsrc2=s=64x64:r=5", "-t", "0.4", "-f", "null", "-"], expected, null, null, CancellationToken.None));

        Assert.Contains("wrote no output", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFfmpegAsync_WithTotal_ReportsProgressEndingWithEnd()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions());
        var reports = new List<FfmpegProgress>();
        var output = Path.Combine(_folder, "p.mp4");

        await runner.RunFfmpegAsync(
            ["-f", "lavfi", "-i", "testsrc2=s=64x64:r=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", output],
            output,
            TimeSpan.FromSeconds(2),
            new SynchronousProgress<FfmpegProgress>(reports.Add),
            CancellationToken.None);

        Assert.NotEmpty(reports);
        Assert.True(reports[^1].IsEnd);
        Assert.Equal(2.0, reports[^1].OutTime.TotalSeconds, 1);
        Assert.Equal(1.0, reports[^1].Fraction!.Value, 1);
    }

    [Fact]
    public async Task RunFfmpegAsync_Timeout_KillsProcessAndThrowsRetryableTimedOut()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var pid = 0;
        runner.ProcessStarted = id => pid = id;

        // -re paces reading at real time, so this would run for a minute.
        var ex = await Assert.ThrowsAsync<FfmpegException>(() =>
            runner.RunFfmpegAsync(["-re", "-f", "lavfi", "-i", "testsrc2=s=64x64:r=5", "-t", "60", "-f", "null", "-"], null, null, null, CancellationToken.None));

        Assert.Equal(FfmpegFailureKind.TimedOut, ex.Kind);
        Assert.Null(ex.ExitCode);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"ffmpeg (pid {pid}) is still running");
    }
}

/// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
