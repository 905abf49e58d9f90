using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Execution;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;
using ClipGeneration.Durable.Serialization;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipGeneration.Tests.Durable.Hosting;

public sealed class RecoveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("durable-recovery-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hub.db");

    [Fact]
    public async Task Timer_DueWhileTheProcessWasDown_FiresOnRestart()
    {
        var registry = new OrchestrationRegistry().AddOrchestrator<string?, string>("Nap", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            return "woke";
        });
        var before = new ManualTimeProvider();
        string id;
        await using (var first = new DurableEngine(registry, Options(before)))
        {
            await first.StartAsync();
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Nap");
            await first.Client.WaitForHistoryAsync(id, h => h.Count(HistoryEventType.TimerCreated) == 1);
        }

        var after = new ManualTimeProvider(before.GetUtcNow() + TimeSpan.FromHours(2));
        await using var second = new DurableEngine(registry, Options(after));
        await second.StartAsync();
        var done = await second.Client.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("woke", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Lease_HeldByADeadWorker_ItemRunsAgainOnlyAfterTheLeaseExpires()
    {
        var clock = new ManualTimeProvider();
        var invocations = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string, string>("One", (context, s) => context.CallActivityAsync<string>("Echo", s))
            .AddActivity<string, string>("Echo", s =>
            {
                Interlocked.Increment(ref invocations);
                return s;
            });
        AbandonFirstActivity(registry, clock, "abandoned");

        var observer = new RecordingObserver();
        var options = Options(clock);
        options.Observer = observer;
        await using var engine = new DurableEngine(registry, options);
        await engine.StartAsync();
        Assert.Equal(0, invocations);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var done = await engine.Client.WaitForCompletionAsync("abandoned");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, invocations);
        Assert.Equal(2, Assert.Single(observer.Started).Attempt);
    }

    [Fact]
    public async Task Heartbeat_ActivityLongerThanItsLease_RunsOnlyOnce()
    {
        var invocations = 0;
        var observer = new RecordingObserver();
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string?, string>("Long", (context, _) => context.CallActivityAsync<string>("Slow", null))
            .AddActivity<string?, string>("Slow", async (_, _) =>
            {
                Interlocked.Increment(ref invocations);

                // Outlive the 1 s lease: four renewals at one every third of a second take over 1.3 s.
                await Eventually.UntilAsync(() => observer.LeaseRenewals >= 4, "four lease renewals");
                return "done";
            });
        var options = Options(TimeProvider.System);
        options.LeaseDuration = TimeSpan.FromSeconds(1);
        options.PollInterval = TimeSpan.FromMilliseconds(20);
        options.Observer = observer;
        await using var engine = new DurableEngine(registry, options);
        await engine.StartAsync();

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Long");
        var done = await engine.Client.WaitForCompletionAsync(id);

        Assert.Equal("done", done.ReadOutputAs<string>());
        Assert.Equal(1, invocations);
        Assert.Single(observer.Started);
    }

    [Fact]
    public async Task Stop_WhileAnActivityRuns_HandsTheLeaseBackSoTheNextStartRunsItAtOnce()
    {
        var clock = new ManualTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string?, string>("Work", (context, _) => context.CallActivityAsync<string>("Cancellable", null))
            .AddActivity<string?, string>("Cancellable", async (context, _) =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    started.SetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
                }

                return "second run";
            });
        string id;
        await using (var first = new DurableEngine(registry, Options(clock)))
        {
            await first.StartAsync();
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Work");
            await started.Task.WaitAsync(DurableTestExtensions.Deadline);
            await first.StopAsync();
        }

        await using var second = new DurableEngine(registry, Options(clock));
        await second.StartAsync();
        var done = await second.Client.WaitForCompletionAsync(id);

        Assert.Equal("second run", done.ReadOutputAs<string>());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ActivityResult_OverPayloadLimit_FailsTheTaskAsNonRetryable()
    {
        var attempts = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string?, TaskFailureDetails>("Big", async (context, _) =>
            {
                try
                {
                    await context.CallActivityAsync<string>("Huge", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1))));
                    throw new InvalidOperationException("unreachable");
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails;
                }
            })
            .AddActivity<string?, string>("Huge", _ =>
            {
                Interlocked.Increment(ref attempts);
                return new string('x', 200_000);
            });
        var options = Options(TimeProvider.System);
        options.MaxPayloadBytes = 64 * 1024;
        await using var engine = new DurableEngine(registry, options);
        await engine.StartAsync();

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Big");
        var failure = (await engine.Client.WaitForCompletionAsync(id)).ReadOutputAs<TaskFailureDetails>()!;

        Assert.Equal(typeof(PayloadTooLargeException).FullName, failure.ErrorType);
        Assert.True(failure.IsNonRetryable);
        Assert.Contains("pass references (keys), not bytes", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, attempts);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private DurableEngineOptions Options(TimeProvider clock) => new()
    {
        DatabasePath = DatabasePath,
        TimeProvider = clock,
        PollInterval = TimeSpan.FromMilliseconds(50),
    };

    // Plays a worker that scheduled the first activity and leased it, then died: the engine's own code path, run by hand.
    private void AbandonFirstActivity(OrchestrationRegistry registry, TimeProvider clock, string instanceId)
    {
        using var database = SqliteDatabase.Open(DatabasePath, "ClipGeneration");
        var store = new DurableStore(database);
        var now = clock.GetUtcNow();
        store.ScheduleAsync("One", instanceId, "\"x\"", now, restartTerminal: false, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal([instanceId], store.LockInstances("dead-worker", 1, now, now + TimeSpan.FromMinutes(1), new HashSet<string>()));
        var input = store.LoadTurn(instanceId, now, null)!;
        var outcome = new OrchestrationReplayer(registry, new NoServices(), new PayloadLimit(256 * 1024), NullLoggerFactory.Instance, null).Run(input, now);
        store.CommitTurn(new TurnCommit
        {
            InstanceId = instanceId,
            LockOwner = "dead-worker",
            Now = now,
            NewEvents = [.. outcome.NewEvents],
            HistoryCount = outcome.History.Count,
            ConsumedMessageIds = [.. input.Messages.Select(m => m.Id)],
            Status = outcome.Status,
        });
        Assert.Single(store.LeaseWorkItems("dead-worker", 10, now, now + TimeSpan.FromMinutes(1)));
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
