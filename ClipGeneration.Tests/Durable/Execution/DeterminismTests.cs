using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Execution;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Replay_CodeCallsADifferentActivity_FailsNamingExpectedAndActual()
    {
        var executions = 0;
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Fickle", async (context, _) =>
            {
                // Deliberately non-deterministic: the first run calls A, every replay calls B.
                var name = Interlocked.Increment(ref executions) == 1 ? "A" : "B";
                await context.CallActivityAsync<string>(name, null);
                return await context.CallActivityAsync<string>("A", null);
            })
            .AddActivity<string?, string>("A", _ => "a")
            .AddActivity<string?, string>("B", _ => "b"));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Fickle");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("TaskScheduled 'A'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("TaskScheduled 'B'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CodeSkipsARecordedTimer_FailsAsNonDeterministic()
    {
        var executions = 0;
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Shrinking", async (context, input) =>
            {
                if (Interlocked.Increment(ref executions) == 1)
                {
                    _ = context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                }

                return await context.CallActivityAsync<string>("A", null);
            })
            .AddActivity<string?, string>("A", _ => "a"));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Shrinking");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("TimerCreated", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignAwait_TaskDelay_FailsTheInstanceNamingTheRule()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Sleeper", async (_, _) =>
            {
                await Task.Delay(TimeSpan.FromMinutes(10));
                return "never";
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(ForeignAwaitException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("may only await tasks created by the OrchestrationContext", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CreateTimer instead of Task.Delay", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignAwait_TaskRunAlongsideAnActivity_FailsInsteadOfHanging()
    {
        using var gate = new ManualResetEventSlim();
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Runner", async (context, _) =>
            {
                var activity = context.CallActivityAsync<string>("Echo", "x");
                await Task.Run(() => gate.Wait());
                return await activity;
            })
            .AddActivity<string, string>("Echo", s => s));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Runner");
        var done = await host.WaitForCompletionAsync(id);
        gate.Set();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(ForeignAwaitException).FullName, done.FailureDetails!.ErrorType);
    }
}
