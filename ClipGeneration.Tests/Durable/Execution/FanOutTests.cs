using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class FanOutTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WhenAll_HundredActivities_SumsEveryResult(bool extendedSessions)
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<int, int>("FanOut", async (context, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum();
            })
            .AddActivity<int, int>("Square", i => i * i),
            o => o.ExtendedSessionsEnabled = extendedSessions);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 100);
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), done.ReadOutputAs<int>());
        var history = await host.Client.HistoryAsync(id);
        Assert.Equal(100, history.Count(HistoryEventType.TaskScheduled));
        Assert.Equal(100, history.Count(HistoryEventType.TaskCompleted));
    }

    [Fact]
    public async Task WhenAny_ActivityAgainstLongTimer_ActivityWinsAndReplaysTheSameWinner()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Race", async (context, _) =>
            {
                using var cancelTimer = new CancellationTokenSource();
                var work = context.CallActivityAsync<string>("Echo", "fast");
                var timer = context.CreateTimer(TimeSpan.FromHours(1), cancelTimer.Token);
                var winner = await Task.WhenAny(work, timer);
                cancelTimer.Cancel();
                var label = winner == work ? await work : "timer";

                // A second activity forces another turn, which replays the race from history.
                var again = await context.CallActivityAsync<string>("Echo", label);
                return $"{label}/{again}";
            })
            .AddActivity<string, string>("Echo", s => s));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("fast/fast", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_TwoActivities_WinnerIsTheOneCompletedFirstInHistory()
    {
        using var releaseSlow = new SemaphoreSlim(0);
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Pick", async (context, _) =>
            {
                var slow = context.CallActivityAsync<string>("Slow", "slow");
                var fast = context.CallActivityAsync<string>("Fast", "fast");
                var first = await Task.WhenAny(slow, fast);
                var firstName = await first;
                await Task.WhenAll(slow, fast);
                return firstName;
            })
            .AddActivity<string, string>("Slow", async (_, s) =>
            {
                await releaseSlow.WaitAsync();
                return s;
            })
            .AddActivity<string, string>("Fast", s => s));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Pick");
        await host.Client.WaitForHistoryAsync(id, h => h.Any(e => e.EventType == HistoryEventType.TaskCompleted));
        releaseSlow.Release();
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal("fast", done.ReadOutputAs<string>());
        var completions = (await host.Client.HistoryAsync(id)).Where(e => e.EventType == HistoryEventType.TaskCompleted).ToList();
        Assert.Equal(["\"fast\"", "\"slow\""], completions.Select(e => e.Result));
    }
}
