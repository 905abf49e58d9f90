using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Client;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Terminate_WhileActivityRuns_TerminatesCancelsAndDropsTheLateResult()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = new RecordingObserver();
        await using var host = await DurableTestHost.StartAsync(
            r => r
            .AddOrchestrator<string?, string>("Long", (context, _) => context.CallActivityAsync<string>("Stubborn", null))
            .AddActivity<string?, string>("Stubborn", async (context, _) =>
            {
                started.SetResult();
                var cancelled = new TaskCompletionSource();
                await using var registration = context.CancellationToken.Register(() => cancelled.TrySetResult());
                await cancelled.Task;
                sawCancellation.SetResult(true);
                return "late result";
            }),
            o => o.Observer = observer);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Long");
        await started.Task.WaitAsync(DurableTestExtensions.Deadline);
        Assert.True(await host.Client.TerminateInstanceAsync(id, "operator said stop"));
        var done = await host.WaitForCompletionAsync(id);
        Assert.True(await sawCancellation.Task.WaitAsync(DurableTestExtensions.Deadline));

        // The activity reported its late result after the termination; it must not reach the history.
        await observer.Completed.Task.WaitAsync(DurableTestExtensions.Deadline);
        var history = await host.Client.HistoryAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("operator said stop", done.TerminationReason);
        Assert.Equal(0, history.Count(HistoryEventType.TaskCompleted));
        Assert.Equal("operator said stop", history.Single(e => e.EventType == HistoryEventType.ExecutionTerminated).Reason);
        Assert.False(await host.Client.TerminateInstanceAsync(id, "again"));
        Assert.False(await host.Client.RaiseEventAsync(id, "Any", 1));
    }

    [Fact]
    public async Task Purge_FinishedRunningAndUnknown_DeletesOnlyTheFinishedOne()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string, string>("Quick", (_, s) => Task.FromResult(s))
            .AddOrchestrator<string?, string>("Hold", async (context, _) => await context.WaitForExternalEvent<string>("Go")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", "x", "finished");
        await host.WaitForCompletionAsync("finished");
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Hold", null, "running");

        Assert.True(await host.Client.PurgeInstanceAsync("finished"));
        Assert.Null(await host.Client.GetInstanceAsync("finished"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync("running"));
        Assert.False(await host.Client.PurgeInstanceAsync("never-existed"));
    }

    [Fact]
    public async Task UnknownInstance_WaitRaiseTerminate_ThrowInstanceNotFound()
    {
        await using var host = await DurableTestHost.StartAsync(_ => { });

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => host.Client.WaitForInstanceCompletionAsync("ghost"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => host.Client.RaiseEventAsync("ghost", "E"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => host.Client.TerminateInstanceAsync("ghost"));
        Assert.Null(await host.Client.GetInstanceAsync("ghost"));
    }
}
