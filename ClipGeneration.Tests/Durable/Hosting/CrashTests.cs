using System.Diagnostics;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Tests.Durable.Architecture;
using Xunit.Abstractions;

namespace ClipGeneration.Tests.Durable.Hosting;

/// <summary>
/// Kills a real engine process (SIGKILL) at several points of a 50-activity orchestration and restarts it:
/// the instance must finish with the right output, completed activities must never run again, and only
/// activities in flight at a kill may run a second time.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const string InstanceId = "crash-test";
    private const int ExpectedOutput = 40425; // sum of i*i for i in 0..49
    private readonly string _directory = Directory.CreateTempSubdirectory("durable-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hub.db");

    private string LogPath => Path.Combine(_directory, "invocations.log");

    [Fact]
    public async Task Engine_KilledThreeTimesMidRun_CompletesAndRunsOnlyInFlightActivitiesTwice()
    {
        var kills = new List<KillPoint>();
        foreach (var killAfter in new[] { 10, 25, 40 })
        {
            using var process = StartHarness();
            await Eventually.UntilAsync(() => Begins().Count >= killAfter || process.HasExited, $"{killAfter} recorded invocations");
            if (process.HasExited)
            {
                Assert.Fail($"The harness exited (code {process.ExitCode}) before {killAfter} invocations: {await process.StandardError.ReadToEndAsync()}");
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var begun = Begins();
            var completed = await CompletedActivitiesAsync();
            kills.Add(new KillPoint(begun.Count, begun.Select(b => b.Activity).ToHashSet(), completed));
            output.WriteLine($"killed (exit code {process.ExitCode}) after {begun.Count} invocations; {completed.Count} completions committed");
            Assert.True(completed.Count < 50, $"The kill after {killAfter} invocations came after the orchestration had finished: it tested nothing.");
        }

        using (var last = StartHarness())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await last.WaitForExitAsync(timeout.Token);
            var stdout = await last.StandardOutput.ReadToEndAsync();
            Assert.True(last.ExitCode == 0, $"exit {last.ExitCode}: {stdout} {await last.StandardError.ReadToEndAsync()}");
            Assert.Equal($"Completed {ExpectedOutput}", stdout.Trim());
        }

        var all = Begins();
        var runs = all.GroupBy(b => b.Activity).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(0, 50), runs.Keys.Order());
        foreach (var kill in kills)
        {
            // Nothing whose completion was committed before a kill started again after it.
            var restartedAfter = all.Skip(kill.LinesBefore).Select(b => b.Activity).Where(kill.Completed.Contains).ToList();
            Assert.True(restartedAfter.Count == 0, $"completed activities ran again after a kill: {string.Join(", ", restartedAfter)}");
        }

        foreach (var (activity, count) in runs)
        {
            var inFlightAtKills = kills.Count(k => k.Begun.Contains(activity) && !k.Completed.Contains(activity));
            Assert.True(count <= 1 + inFlightAtKills, $"activity {activity} ran {count} times but was in flight at only {inFlightAtKills} kill(s)");
        }

        var twice = runs.Where(r => r.Value > 1).Select(r => r.Key).Order().ToList();
        output.WriteLine($"{all.Count} invocations for 50 activities; ran twice: [{string.Join(", ", twice)}]");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string HarnessPath()
    {
        // The harness is built with the solution in the same configuration as these tests (bin/<Configuration>/<tfm>).
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(
            RepositoryRoot.Path, "ClipGeneration.Durable.CrashHarness", "bin", testBin.Parent!.Name, testBin.Name, "ClipGeneration.Durable.CrashHarness.dll");
        Assert.True(File.Exists(path), $"Crash harness not built at {path}: build the solution (ClipGeneration.Local.slnf) first.");
        return path;
    }

    private Process StartHarness()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { HarnessPath(), DatabasePath, LogPath, InstanceId })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private List<(int Activity, string Line)> Begins()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Where(line => line.StartsWith("begin ", StringComparison.Ordinal))
            .Select(line => (int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), line.Split(" tick=")[0]))
            .ToList();
    }

    private async Task<HashSet<int>> CompletedActivitiesAsync()
    {
        await using var client = DurableClient.Open(new DurableEngineOptions { DatabasePath = DatabasePath });
        var history = (await client.GetInstanceAsync(InstanceId, getHistory: true))?.History ?? [];
        var inputs = history.Where(e => e.EventType == HistoryEventType.TaskScheduled).ToDictionary(e => e.EventId, e => int.Parse(e.Input!, System.Globalization.CultureInfo.InvariantCulture));
        return history.Where(e => e.EventType == HistoryEventType.TaskCompleted).Select(e => inputs[e.TaskScheduledId!.Value]).ToHashSet();
    }

    private sealed record KillPoint(int LinesBefore, HashSet<int> Begun, HashSet<int> Completed);
}
