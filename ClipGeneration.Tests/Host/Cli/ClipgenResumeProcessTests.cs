using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Host.Demo;

namespace ClipGeneration.Tests.Host.Cli;

/// <summary>
/// <c>./clipgen clip</c> killed after its first range was extracted, then run again with the same <c>--id</c> and
/// <c>--data</c>: it finishes the clip from the engine's history without extracting that range again.
/// </summary>
public sealed class ClipgenResumeProcessTests : IAsyncLifetime
{
    private const string ClipId = "resume-clip";

    private static readonly Dictionary<string, string> Environment = new()
    {
        // One range at a time, so there is a moment with one range done and others to do; a short lease, so the
        // range that was running when the process died is handed to the next process within seconds.
        ["clipGeneration__segmentConcurrency"] = "1",
        ["extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:02",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "clipgen-resume-" + Guid.NewGuid().ToString("N"));
    private string _manifest = null!;

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _manifest = await SampleRecording.EnsureAsync(
            Path.Combine(_root, "recording"),
            new SampleRecordingSpec { DurationSeconds = 36, Width = 640, Height = 360, GopSeconds = 2, ChunkSeconds = 4 },
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Clip_KilledAfterTheFirstRange_SameIdFinishesWithoutRedoingIt()
    {
        string[] arguments =
        [
            "clip", "--manifest", _manifest, "--range", "1/11", "--range", "12/22", "--range", "24/34", "--mode", "accurate",
            "--out", Path.Combine(_root, "out.mp4"), "--id", ClipId, "--data", Data,
        ];
        var database = new DurableEngineOptions { DatabasePath = Path.Combine(Data, "durable.db"), HubName = "ClipGeneration" };

        using (var first = ClipgenProcess.Start(_root, Environment, arguments))
        {
            var drainOutput = first.StandardOutput.ReadToEndAsync();
            var drainError = first.StandardError.ReadToEndAsync();
            var doneBeforeKill = await WaitForFirstExtractionAsync(database, first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            await Task.WhenAll(drainOutput, drainError);
            Assert.True(doneBeforeKill is >= 1 and < 3, $"the kill should land mid-clip; {doneBeforeKill} of 3 ranges were done");
        }

        var second = await ClipgenProcess.RunAsync(_root, Environment, arguments);

        Assert.True(second.ExitCode == 0, $"the resumed clip exited {second.ExitCode}: {second.Output}\n{second.Error}");
        await FfprobeCheck.AssertIsMp4Async(Path.Combine(_root, "out.mp4"));
        await using var client = DurableClient.Open(database);
        var history = (await client.GetInstanceAsync(ClipId, getHistory: true))!.History!;
        var extractIds = history.Where(e => e.EventType == HistoryEventType.TaskScheduled && e.Name == "ExtractSegment").Select(e => e.EventId).ToHashSet();
        Assert.Equal(3, extractIds.Count);
        var completions = history.Where(e => e.EventType == HistoryEventType.TaskCompleted && extractIds.Contains(e.TaskScheduledId!.Value)).ToList();
        Assert.Equal(3, completions.Count);
        Assert.Equal(3, completions.Select(e => e.TaskScheduledId).Distinct().Count());
        Assert.Contains(history, e => e.EventType == HistoryEventType.ExecutionCompleted);
    }

    /// <summary>Polls the engine's database (as another process would) until one range is extracted; returns how many are.</summary>
    private static async Task<int> WaitForFirstExtractionAsync(DurableEngineOptions database, System.Diagnostics.Process running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !running.HasExited)
        {
            if (File.Exists(database.DatabasePath))
            {
                await using var client = DurableClient.Open(database);
                if (await client.GetInstanceAsync(ClipId, getHistory: true) is { History: { } history })
                {
                    var extracts = history.Where(e => e.EventType == HistoryEventType.TaskScheduled && e.Name == "ExtractSegment").Select(e => e.EventId).ToHashSet();
                    var done = history.Count(e => e.EventType == HistoryEventType.TaskCompleted && extracts.Contains(e.TaskScheduledId ?? -1));
                    if (done >= 1)
                    {
                        return done;
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }

        Assert.Fail($"no range was extracted before the deadline (process exited: {running.HasExited})");
        return 0;
    }
}
