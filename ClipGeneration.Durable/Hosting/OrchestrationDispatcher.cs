using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Execution;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Persistence;

namespace ClipGeneration.Durable.Hosting;

/// <summary>
/// Finds instances with due messages, locks them, runs one turn each (up to MaxConcurrentOrchestratorFunctions at
/// once) and commits each turn in one transaction.
/// </summary>
internal sealed class OrchestrationDispatcher(EngineRuntime runtime, OrchestrationReplayer replayer, Action<string> instanceFinished)
{
    private readonly SessionCache _cache = new(capacity: 1024);

    public async Task RunAsync(CancellationToken stopping)
    {
        var options = runtime.Options;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var now = runtime.Time.GetUtcNow();
                // Turns of one batch finish before the next lock, so no instance of this worker is busy at that point.
                var locked = runtime.Store.LockAndLoad(
                    runtime.Owner, options.MaxConcurrentOrchestratorFunctions, now, now + options.LeaseDuration, id => _cache.Get(id)?.History);
                if (locked.Count == 0)
                {
                    var due = runtime.Store.NextMessageDue(now);
                    await runtime.WaitForWorkAsync(runtime.OrchestrationWork, due, stopping);
                    continue;
                }

                if (locked.Count == 1)
                {
                    // One instance: run its turn here, saving a thread hop per turn on sequential workloads.
                    RunTurn(locked[0], now);
                }
                else
                {
                    await Task.WhenAll(locked.Select(input => Task.Run(() => RunTurn(input, now), CancellationToken.None)));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                Logs.DispatcherFailed(runtime.Logger, exception, "orchestrations");
                await Task.Delay(options.PollInterval, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    private void RunTurn(TurnInput input, DateTimeOffset now)
    {
        var instanceId = input.InstanceId;
        try
        {
            var session = runtime.Options.ExtendedSessionsEnabled ? _cache.Get(instanceId) : null;
            var outcome = replayer.Run(input, now, session);
            var consumed = input.Messages.Select(m => m.Id).ToList();
            if (outcome.DropOnly)
            {
                runtime.Store.DropMessages(instanceId, runtime.Owner, consumed);
                return;
            }

            var newEvents = outcome.NewEvents.ToList();
            runtime.Store.CommitTurn(new TurnCommit
            {
                InstanceId = instanceId,
                LockOwner = runtime.Owner,
                Now = now,
                NewEvents = newEvents,
                HistoryCount = outcome.History.Count,
                ConsumedMessageIds = consumed,
                Status = outcome.Status,
                CustomStatus = outcome.CustomStatus,
                Output = outcome.Output,
                Failure = outcome.Failure,
                TerminationReason = outcome.TerminationReason,
                ParentInstanceId = input.ParentInstanceId,
                ParentTaskId = input.ParentTaskId,
            });
            AfterCommit(input, outcome, newEvents);
        }
        catch (Exception exception)
        {
            _cache.Remove(instanceId);
            Logs.TurnFailed(runtime.Logger, exception, instanceId);
            runtime.Store.ReleaseLock(instanceId, runtime.Owner);
        }
    }

    private void AfterCommit(TurnInput input, TurnOutcome outcome, List<HistoryEvent> newEvents)
    {
        if (outcome.Status.IsTerminal())
        {
            _cache.Remove(input.InstanceId);
            instanceFinished(input.InstanceId);
            Logs.InstanceFinished(runtime.Logger, input.InstanceId, input.Name, outcome.Status.ToString());
            runtime.Observe(o => o.OrchestrationFinished(input.InstanceId, input.Name, outcome.Status));
            runtime.OrchestrationWork.Set();
        }
        else if (outcome.Session is { } session && runtime.Options.ExtendedSessionsEnabled)
        {
            _cache.Set(input.InstanceId, session);
        }

        if (newEvents.Any(e => e.EventType == HistoryEventType.TaskScheduled))
        {
            runtime.ActivityWork.Set();
        }

        if (newEvents.Any(e => e.EventType is HistoryEventType.SubOrchestrationInstanceCreated or HistoryEventType.TimerCreated))
        {
            runtime.OrchestrationWork.Set();
        }

        runtime.InstanceChanges.Notify(input.InstanceId);
    }
}
