using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class TimerAndEventTests
{
    [Fact]
    public async Task CreateTimer_OneHour_FiresOnlyWhenTheClockPassesIt()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r.AddOrchestrator<string?, DateTime>("Wait", async (context, _) =>
            {
                await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                return context.CurrentUtcDateTime;
            }),
            o => o.TimeProvider = clock);
        var start = clock.GetUtcNow();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        clock.Advance(TimeSpan.FromHours(1));
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= start.UtcDateTime.AddHours(1));
        var history = await host.Client.HistoryAsync(id);
        var created = history.Single(e => e.EventType == HistoryEventType.TimerCreated);
        Assert.Equal(created.EventId, history.Single(e => e.EventType == HistoryEventType.TimerFired).TimerId);
    }

    [Fact]
    public async Task WaitForExternalEvent_Raised_ReturnsPayload()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Approve", async (context, _) => await context.WaitForExternalEvent<string>("Approval")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approve");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.OrchestratorCompleted) == 1);
        Assert.True(await host.Client.RaiseEventAsync(id, "Approval", "yes"));
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal("yes", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_RaisedBeforeTheWait_IsBufferedAndDelivered()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, int>("Late", async (context, _) =>
            {
                await context.CallActivityAsync<string>("Gate", null);
                return await context.WaitForExternalEvent<int>("Number");
            })
            .AddActivity<string?, string>("Gate", async (_, _) =>
            {
                await Task.Yield();
                return "open";
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Late");
        await host.Client.RaiseEventAsync(id, "Number", 42);
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(42, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutPasses_ThrowsTimeoutException()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r.AddOrchestrator<string?, string>("Impatient", async (context, _) =>
            {
                try
                {
                    return await context.WaitForExternalEvent<string>("Never", TimeSpan.FromMinutes(5));
                }
                catch (TimeoutException timeout)
                {
                    return timeout.Message;
                }
            }),
            o => o.TimeProvider = clock);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Impatient");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        clock.Advance(TimeSpan.FromMinutes(5));
        var done = await host.WaitForCompletionAsync(id);

        Assert.Contains("'Never' was not raised", done.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForExternalEvent_RaisedBeforeTimeout_ReturnsPayloadAndIgnoresTheTimer()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r.AddOrchestrator<string?, string>("InTime", async (context, _) =>
                await context.WaitForExternalEvent<string>("Soon", TimeSpan.FromMinutes(5))),
            o => o.TimeProvider = clock);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("InTime");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        await host.Client.RaiseEventAsync(id, "Soon", "here");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal("here", done.ReadOutputAs<string>());
    }
}
