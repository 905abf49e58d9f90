using System.Collections.Concurrent;
using System.Diagnostics;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;
using ClipGeneration.Durable.Serialization;

namespace ClipGeneration.Durable.Activities;

/// <summary>
/// Leases activity work items, runs up to MaxConcurrentActivityFunctions at once, renews their leases while they
/// run (heartbeat), and reports each result by deleting the item and enqueueing the result in one transaction.
/// </summary>
/// <remarks>
/// At least once: an item whose worker died is leased again once its lease expires. While this worker lives, the
/// heartbeat keeps its leases fresh, so a long activity is never handed to a second worker.
/// </remarks>
internal sealed class ActivityDispatcher(EngineRuntime runtime) : IDisposable
{
    private readonly ConcurrentDictionary<long, RunningActivity> _running = new();
    private readonly SemaphoreSlim _slots = new(runtime.Options.MaxConcurrentActivityFunctions, runtime.Options.MaxConcurrentActivityFunctions);

    /// <summary>Cancels the activities of an instance that has finished (terminated): their results would be dropped.</summary>
    public void CancelInstance(string instanceId)
    {
        foreach (var running in _running.Values.Where(r => r.Item.InstanceId == instanceId))
        {
            running.Cancellation.Cancel();
        }
    }

    private readonly CompletionWriter _completions = new(runtime);
    private volatile bool _atCapacity;

    public async Task RunAsync(CancellationToken stopping)
    {
        var writer = Task.Run(_completions.RunAsync, CancellationToken.None);
        var heartbeat = HeartbeatAsync(stopping);
        var tasks = new ConcurrentDictionary<long, Task>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stopping);
                var free = 1;
                while (free < runtime.Options.MaxConcurrentActivityFunctions && _slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                var now = runtime.Time.GetUtcNow();
                var items = runtime.Store.LeaseWorkItems(runtime.Owner, free, now, now + runtime.Options.LeaseDuration);
                _atCapacity = items.Count == free;
                if (items.Count < free)
                {
                    _slots.Release(free - items.Count);
                }

                foreach (var item in items)
                {
                    var running = new RunningActivity(item, CancellationTokenSource.CreateLinkedTokenSource(stopping));
                    _running[item.Id] = running;
                    tasks[item.Id] = Task.Run(() => RunOneAsync(running, stopping), CancellationToken.None)
                        .ContinueWith(_ => tasks.TryRemove(item.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }

                if (items.Count == 0)
                {
                    await runtime.WaitForWorkAsync(runtime.ActivityWork, null, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                Logs.DispatcherFailed(runtime.Logger, exception, "activities");
                await Task.Delay(runtime.Options.PollInterval, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }

        // Graceful stop: running activities saw the cancellation; wait for each to finish or hand its lease back.
        await Task.WhenAll(tasks.Values);
        _completions.Complete();
        await writer;
        await heartbeat;
    }

    private async Task RunOneAsync(RunningActivity running, CancellationToken stopping)
    {
        var item = running.Item;
        var execution = new ActivityExecution(item.Name, item.InstanceId, item.TaskId, item.DequeueCount);
        var started = runtime.Time.GetTimestamp();
        using var span = DurableDiagnostics.ActivitySource.StartActivity($"activity {item.Name}", ActivityKind.Internal);
        span?.SetTag(DurableDiagnostics.InstanceIdTag, item.InstanceId);
        span?.SetTag(DurableDiagnostics.ActivityNameTag, item.Name);
        span?.SetTag(DurableDiagnostics.TaskIdTag, item.TaskId);
        try
        {
            runtime.Observe(o => o.ActivityStarted(execution));
            HistoryEvent result;
            try
            {
                var json = await InvokeAsync(item, running.Cancellation.Token);
                result = new HistoryEvent
                {
                    EventId = -1,
                    EventType = HistoryEventType.TaskCompleted,
                    Timestamp = runtime.Time.GetUtcNow(),
                    TaskScheduledId = item.TaskId,
                    Result = json,
                };
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped before it finished: hand the item back so the next worker runs it without waiting for expiry.
                runtime.Store.ReleaseLeases(runtime.Owner, [item.Id]);
                return;
            }
            catch (Exception exception)
            {
                var failure = TaskFailureDetails.FromException(exception);
                span?.SetStatus(ActivityStatusCode.Error, failure.ErrorMessage);
                result = new HistoryEvent
                {
                    EventId = -1,
                    EventType = HistoryEventType.TaskFailed,
                    Timestamp = runtime.Time.GetUtcNow(),
                    TaskScheduledId = item.TaskId,
                    FailureDetails = failure,
                };
            }

            await ReportAsync(running, execution, result, runtime.Time.GetElapsedTime(started));
        }
        finally
        {
            _running.TryRemove(item.Id, out _);
            running.Cancellation.Dispose();
            _slots.Release();
            if (_atCapacity)
            {
                // The last lease filled every slot, so more items may be waiting for this one.
                runtime.ActivityWork.Set();
            }
        }
    }

    private async Task<string?> InvokeAsync(ActivityWorkItem item, CancellationToken cancellationToken)
    {
        if (!runtime.Registry.TryGetActivity(item.Name, out var factory))
        {
            throw new ActivityNotRegisteredException(item.Name, runtime.Registry.ActivityNames);
        }

        var activity = factory(runtime.Services);
        var input = DurableJson.Deserialize(item.Input, activity.InputType);
        var output = await activity.RunAsync(new ClipGeneration.Core.Orchestration.ActivityContext(item.Name, item.InstanceId, item.TaskId, cancellationToken), input);
        return runtime.Payloads.Serialize(output, $"The result of activity '{item.Name}'", activity.OutputType);
    }

    private async Task ReportAsync(RunningActivity running, ActivityExecution execution, HistoryEvent result, TimeSpan duration)
    {
        var item = running.Item;
        bool delivered;
        try
        {
            delivered = await _completions.WriteAsync(item, result);
        }
        catch (Exception exception)
        {
            // The item keeps its lease until it expires, then runs again: at least once.
            Logs.DispatcherFailed(runtime.Logger, exception, "activity results");
            return;
        }

        if (result.FailureDetails is { } failure)
        {
            Logs.ActivityFailed(runtime.Logger, item.Name, item.InstanceId, item.TaskId, failure.ErrorType, failure.ErrorMessage);
            runtime.Observe(o => o.ActivityFailed(execution, failure, duration));
        }
        else
        {
            runtime.Observe(o => o.ActivityCompleted(execution, duration));
        }

        if (!delivered)
        {
            Logs.ActivityResultDropped(runtime.Logger, item.Name, item.InstanceId, item.TaskId);
        }
    }

    private async Task HeartbeatAsync(CancellationToken stopping)
    {
        var interval = runtime.Options.LeaseDuration / 3;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, runtime.Time, stopping);
                var running = _running.Values.ToList();
                if (running.Count == 0)
                {
                    continue;
                }

                runtime.Store.RenewLeases(runtime.Owner, [.. running.Select(r => r.Item.Id)], runtime.Time.GetUtcNow() + runtime.Options.LeaseDuration);
                foreach (var activity in running)
                {
                    var item = activity.Item;
                    runtime.Observe(o => o.ActivityLeaseRenewed(new ActivityExecution(item.Name, item.InstanceId, item.TaskId, item.DequeueCount)));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                Logs.DispatcherFailed(runtime.Logger, exception, "heartbeat");
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed record RunningActivity(ActivityWorkItem Item, CancellationTokenSource Cancellation);
}
