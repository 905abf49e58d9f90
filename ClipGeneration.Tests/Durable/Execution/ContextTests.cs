using System.Collections.Concurrent;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class ContextTests
{
    [Fact]
    public async Task NewGuid_AcrossReplays_IsTheSameVersion5Id()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, Guid[]>("Ids", async (context, _) =>
            {
                var first = context.NewGuid();
                var echoed = await context.CallActivityAsync<Guid>("Echo", first);
                var second = context.NewGuid();
                await context.CallActivityAsync<Guid>("Echo", second);
                return [first, echoed, second];
            })
            .AddActivity<Guid, Guid>("Echo", g => g));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Ids");
        var ids = (await host.WaitForCompletionAsync(id)).ReadOutputAs<Guid[]>()!;

        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.Equal(5, ids[0].Version);
    }

    [Fact]
    public async Task ReplaySafeLogger_ThreeTurns_WritesEachLineOnce()
    {
        var lines = new ConcurrentQueue<string>();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new CollectingLoggerProvider(lines)).SetMinimumLevel(LogLevel.Trace));
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string?, string>("Chatty", async (context, _) =>
                {
                    var log = context.CreateReplaySafeLogger("Chatty");
                    log.LogInformation("starting");
                    await context.CallActivityAsync<string>("Echo", "1");
                    log.LogInformation("half way");
                    await context.CallActivityAsync<string>("Echo", "2");
                    log.LogInformation("done");
                    return "ok";
                })
                .AddActivity<string, string>("Echo", s => s),
            o => o.LoggerFactory = loggers);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chatty");
        await host.WaitForCompletionAsync(id);

        Assert.Equal(["starting", "half way", "done"], lines.Where(l => l is "starting" or "half way" or "done"));
    }

    [Fact]
    public async Task CurrentUtcDateTime_IsTheTurnTimeAndStableOnReplay()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string?, DateTime[]>("Times", async (context, _) =>
                {
                    var before = context.CurrentUtcDateTime;
                    await context.CallActivityAsync<string>("Echo", "x");
                    return [before, context.CurrentUtcDateTime];
                })
                .AddActivity<string, string>("Echo", s => s),
            o => o.TimeProvider = clock);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Times");
        var times = (await host.WaitForCompletionAsync(id)).ReadOutputAs<DateTime[]>()!;
        var history = await host.Client.HistoryAsync(id);

        Assert.Equal(history[0].Timestamp.UtcDateTime, times[0]);
        Assert.Equal(history.Last(e => e.EventType == HistoryEventType.OrchestratorStarted).Timestamp.UtcDateTime, times[1]);
    }

    [Fact]
    public async Task SetCustomStatus_WhileRunning_IsVisibleToTheClient()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Progress", async (context, _) =>
            {
                context.SetCustomStatus(new { step = "waiting", percent = 50 });
                return await context.WaitForExternalEvent<string>("Go");
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Progress");
        var running = await Eventually.UntilAsync(
            () => host.Client.GetInstanceAsync(id),
            s => s?.SerializedCustomStatus is not null,
            "the custom status");

        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal("{\"step\":\"waiting\",\"percent\":50}", running.SerializedCustomStatus);
        await host.Client.RaiseEventAsync(id, "Go", "went");
        Assert.Equal("went", (await host.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task History_OneActivity_HasDurableEventsInOrderWithLinks()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string, string>("One", (context, s) => context.CallActivityAsync<string>("Echo", s))
            .AddActivity<string, string>("Echo", s => s));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("One", "x");
        await host.WaitForCompletionAsync(id);
        var history = await host.Client.HistoryAsync(id);

        Assert.Equal(
            [
                HistoryEventType.OrchestratorStarted, HistoryEventType.ExecutionStarted, HistoryEventType.TaskScheduled,
                HistoryEventType.OrchestratorCompleted, HistoryEventType.OrchestratorStarted, HistoryEventType.TaskCompleted,
                HistoryEventType.ExecutionCompleted, HistoryEventType.OrchestratorCompleted,
            ],
            history.Select(e => e.EventType));
        Assert.Equal(Enumerable.Range(0, history.Count), history.Select(e => e.EventId));
        Assert.Equal(2, history[5].TaskScheduledId);
        Assert.Equal("Echo", history[2].Name);
        Assert.Equal("One", history[1].Name);
        var turnStarts = history.Where(e => e.EventType == HistoryEventType.OrchestratorStarted).Select(e => e.Timestamp).ToList();
        Assert.Equal(turnStarts.Order(), turnStarts);
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(lines);

        public void Dispose()
        {
        }

        private sealed class CollectingLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
                => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue(formatter(state, exception));
        }
    }
}
