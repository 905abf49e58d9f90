using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class RetryTests
{
    private static readonly RetryPolicy Backoff = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2);

    [Fact]
    public async Task Retry_FailsTwiceThenSucceeds_WaitsDurableBackoffTimersOnTheControlledClock()
    {
        var clock = new ManualTimeProvider();
        var attempts = 0;
        var observer = new RecordingObserver();
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string?, string>("Flaky", (context, _) =>
                    context.CallActivityAsync<string>("Unstable", null, TaskOptions.FromRetryPolicy(Backoff)))
                .AddActivity<string?, string>("Unstable", _ =>
                    Interlocked.Increment(ref attempts) < 3 ? throw new IOException("transient") : "ok"),
            o =>
            {
                o.TimeProvider = clock;
                o.Observer = observer;
            });
        var start = clock.GetUtcNow();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Flaky");
        var first = await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        Assert.Equal(start + TimeSpan.FromSeconds(10), first.Single(e => e.EventType == HistoryEventType.TimerCreated).FireAt);
        clock.Advance(TimeSpan.FromSeconds(10));

        var second = await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 2);
        Assert.Equal(start + TimeSpan.FromSeconds(30), second.Last(e => e.EventType == HistoryEventType.TimerCreated).FireAt);
        clock.Advance(TimeSpan.FromSeconds(20));

        var done = await host.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ok", done.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        Assert.Equal(2, (await host.Client.HistoryAsync(id)).Count(HistoryEventType.TaskFailed));
        Assert.Equal([("Unstable", 2, TimeSpan.FromSeconds(10)), ("Unstable", 3, TimeSpan.FromSeconds(20))], observer.Retries);
    }

    [Fact]
    public async Task Retry_NonRetryableFailure_RunsOnceAndFailsTheInstance()
    {
        var attempts = 0;
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Strict", (context, _) =>
                context.CallActivityAsync<string>("BadInput", null, TaskOptions.FromRetryPolicy(Backoff)))
            .AddActivity<string?, string>("BadInput", _ =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidClipException("segment 2 ends before it starts");
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Strict");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, attempts);
        Assert.Equal(typeof(TaskFailedException).FullName, done.FailureDetails!.ErrorType);
        Assert.True(done.FailureDetails.InnerFailure!.IsNonRetryable);
        Assert.True(done.FailureDetails.IsCausedBy<InvalidClipException>());
        Assert.Equal(0, (await host.Client.HistoryAsync(id)).Count(HistoryEventType.TimerCreated));
    }

    [Fact]
    public async Task Retry_Exhausted_ThrowsTaskFailedExceptionWithTypeMessageStackAndInner()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string?, TaskFailureDetails>("GiveUp", async (context, _) =>
                {
                    try
                    {
                        await context.CallActivityAsync<string>("AlwaysFails", null, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(5))));
                        throw new InvalidOperationException("unreachable: the activity always fails");
                    }
                    catch (TaskFailedException failed)
                    {
                        return failed.FailureDetails;
                    }
                })
                .AddActivity<string?, string>("AlwaysFails", _ => throw new IOException("disk gone", new TimeoutException("inner cause"))),
            o => o.TimeProvider = clock);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("GiveUp");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        clock.Advance(TimeSpan.FromSeconds(5));
        var done = await host.WaitForCompletionAsync(id);

        var details = done.ReadOutputAs<TaskFailureDetails>()!;
        Assert.Equal(typeof(IOException).FullName, details.ErrorType);
        Assert.Equal("disk gone", details.ErrorMessage);
        Assert.Contains(nameof(RetryTests), details.StackTrace!, StringComparison.Ordinal);
        Assert.Equal(typeof(TimeoutException).FullName, details.InnerFailure!.ErrorType);
        Assert.Equal("inner cause", details.InnerFailure.ErrorMessage);
        Assert.Equal(2, (await host.Client.HistoryAsync(id)).Count(HistoryEventType.TaskFailed));
    }

    [Fact]
    public async Task Retry_RetryTimeoutShorterThanNextDelay_StopsRetrying()
    {
        var clock = new ManualTimeProvider();
        var attempts = 0;
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(10), backoffCoefficient: 2, retryTimeout: TimeSpan.FromSeconds(15));
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string?, string>("Bounded", (context, _) => context.CallActivityAsync<string>("Fails", null, TaskOptions.FromRetryPolicy(policy)))
                .AddActivity<string?, string>("Fails", _ =>
                {
                    Interlocked.Increment(ref attempts);
                    throw new IOException("still down");
                }),
            o => o.TimeProvider = clock);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Bounded");
        await host.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        clock.Advance(TimeSpan.FromSeconds(10));
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(2, attempts);
    }

    private sealed class InvalidClipException(string message) : Exception(message), INonRetryableFailure;
}
