using System.Globalization;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Serialization;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Durable.Execution;

/// <summary>
/// The engine's <see cref="OrchestrationContext"/>: turns each call into a numbered action, answers it from history
/// when the history has its outcome (replay), and records it as a new history event otherwise.
/// </summary>
/// <remarks>
/// Action number n (0-based, in call order) must match the n-th TaskScheduled / TimerCreated /
/// SubOrchestrationInstanceCreated event of the past history by type and name; the first mismatch is recorded in
/// <see cref="NonDeterminism"/> and fails the instance. Pending tasks are completed only by <see cref="OrchestrationReplayer"/>,
/// in history order.
/// </remarks>
internal sealed class EngineOrchestrationContext : OrchestrationContext
{
    private readonly List<HistoryEvent> _history;
    private readonly List<HistoryEvent> _pastActions;
    private readonly Dictionary<int, Action<HistoryEvent>> _openTasks = [];
    private readonly Dictionary<string, Queue<string?>> _bufferedEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<EventWaiter>> _eventWaiters = new(StringComparer.Ordinal);
    private readonly PayloadLimit _payloads;
    private readonly ILoggerFactory _loggers;
    private readonly IDurableObserver? _observer;
    private readonly string? _input;
    private int _nextSequence;
    private int _guidCounter;

    public EngineOrchestrationContext(
        string name,
        string instanceId,
        string? input,
        List<HistoryEvent> history,
        int pastCount,
        string? customStatus,
        PayloadLimit payloads,
        ILoggerFactory loggers,
        IDurableObserver? observer)
    {
        Name = name;
        InstanceId = instanceId;
        _input = input;
        _history = history;
        _pastActions = history.Take(pastCount).Where(e => IsAction(e.EventType)).ToList();
        CustomStatus = customStatus;
        _payloads = payloads;
        _loggers = loggers;
        _observer = observer;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override bool IsReplaying => Replaying;

    public bool Replaying { get; set; }

    public override DateTime CurrentUtcDateTime => CurrentTime.UtcDateTime;

    public DateTimeOffset CurrentTime { get; set; }

    public string? CustomStatus { get; private set; }

    public string? NonDeterminism { get; private set; }

    /// <summary>Gets how many actions the code has produced so far this turn.</summary>
    public int ActionCount => _nextSequence;

    /// <summary>Gets how many engine-created tasks the code could still be waiting for.</summary>
    public int OpenTaskCount => _openTasks.Count + _eventWaiters.Sum(w => w.Value.Count);

    public static bool IsAction(HistoryEventType type)
        => type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationInstanceCreated;

    public override T? GetInput<T>()
        where T : default
        => DurableJson.Deserialize<T>(_input);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string? json;
        try
        {
            json = _payloads.Serialize(input, $"The input of activity '{name}'");
        }
        catch (PayloadTooLargeException exception)
        {
            return Task.FromException<TResult>(exception);
        }

        return options?.Retry is { } retry
            ? WithRetries(name, retry, () => ScheduleTask<TResult>(HistoryEventType.TaskScheduled, name, json, null))
            : ScheduleTask<TResult>(HistoryEventType.TaskScheduled, name, json, null);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string? json;
        try
        {
            json = _payloads.Serialize(input, $"The input of sub-orchestration '{name}'");
        }
        catch (PayloadTooLargeException exception)
        {
            return Task.FromException<TResult>(exception);
        }

        Task<TResult> Attempt()
            => ScheduleTask<TResult>(HistoryEventType.SubOrchestrationInstanceCreated, name, json, options?.InstanceId ?? NewGuid().ToString("N"));
        return options?.Retry is { } retry ? WithRetries(name, retry, Attempt) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fireAtUtc = new DateTimeOffset(DateTime.SpecifyKind(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : fireAt, DateTimeKind.Utc));
        var completion = new TaskCompletionSource();
        var id = RecordAction(HistoryEventType.TimerCreated, null, e => e with { FireAt = fireAtUtc });
        if (id < 0)
        {
            return completion.Task;
        }

        _openTasks[id] = _ => completion.TrySetResult();
        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled timer stays in history (it was created) but nothing waits for it any more.
            cancellationToken.Register(() =>
            {
                _openTasks.Remove(id);
                completion.TrySetCanceled(cancellationToken);
            });
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.TryDequeue(out var payload))
        {
            return Task.FromResult(DeserializeResult<T>(payload, $"event '{eventName}'"));
        }

        var completion = new TaskCompletionSource<T>();
        var waiters = _eventWaiters.TryGetValue(eventName, out var list) ? list : _eventWaiters[eventName] = new LinkedList<EventWaiter>();
        var node = waiters.AddLast(new EventWaiter(json =>
        {
            try
            {
                completion.TrySetResult(DeserializeResult<T>(json, $"event '{eventName}'"));
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        }));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                completion.TrySetCanceled(cancellationToken);
            });
        }

        return completion.Task;
    }

    public override void SetCustomStatus(object? customStatus)
        => CustomStatus = _payloads.Serialize(customStatus, $"The custom status of instance '{InstanceId}'");

    public override Guid NewGuid()
        => DeterministicGuid.Create($"{InstanceId}_{CurrentUtcDateTime.ToString("o", CultureInfo.InvariantCulture)}_{_guidCounter++}");

    public override ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(_loggers.CreateLogger(categoryName), () => Replaying);

    /// <summary>Applies a completion event (TaskCompleted/Failed, TimerFired, SubOrchestration*) to the task waiting for it.</summary>
    public void Complete(int scheduledId, HistoryEvent completion)
    {
        if (_openTasks.Remove(scheduledId, out var complete))
        {
            complete(completion);
        }
    }

    /// <summary>Delivers an external event to the oldest waiter for its name, or buffers it until one asks.</summary>
    public void Deliver(string name, string? payload)
    {
        if (_eventWaiters.TryGetValue(name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.Deliver(payload);
            return;
        }

        if (!_bufferedEvents.TryGetValue(name, out var queue))
        {
            queue = _bufferedEvents[name] = new Queue<string?>();
        }

        queue.Enqueue(payload);
    }

    /// <summary>Called when the history ends: more past actions than the code produced means the code changed.</summary>
    public void CheckAllPastActionsReproduced()
    {
        if (NonDeterminism is null && _nextSequence < _pastActions.Count)
        {
            var missing = _pastActions[_nextSequence];
            NonDeterminism = $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): the history has " +
                $"{Describe(missing.EventType, missing.Name)} as action #{_nextSequence} (event {missing.EventId}), but the code " +
                "finished or stopped without producing it.";
        }
    }

    /// <summary>Records that the code produced an action the history does not explain.</summary>
    public void ReportMissingAction(HistoryEvent recorded)
        => NonDeterminism ??= $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): the history has " +
            $"{Describe(recorded.EventType, recorded.Name)} (event {recorded.EventId}) but the code did not produce it at that point.";

    private static string Describe(HistoryEventType type, string? name) => name is null ? type.ToString() : $"{type} '{name}'";

    private static T DeserializeResult<T>(string? json, string what)
    {
        try
        {
            return DurableJson.Deserialize<T>(json)!;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidCastException)
        {
            throw new InvalidOperationException($"The result of {what} cannot be read as {typeof(T).FullName}: {exception.Message}", exception);
        }
    }

    private Task<TResult> ScheduleTask<TResult>(HistoryEventType type, string name, string? input, string? subInstanceId)
    {
        var completion = new TaskCompletionSource<TResult>();
        var id = RecordAction(type, name, e => e with { Input = input, InstanceId = subInstanceId });
        if (id < 0)
        {
            return completion.Task;
        }

        _openTasks[id] = outcome =>
        {
            if (outcome.EventType is HistoryEventType.TaskFailed or HistoryEventType.SubOrchestrationInstanceFailed)
            {
                var failure = outcome.FailureDetails ?? new TaskFailureDetails("Unknown", "The task failed without failure details.");
                completion.TrySetException(new TaskFailedException(name, id, failure));
                return;
            }

            try
            {
                completion.TrySetResult(DeserializeResult<TResult>(outcome.Result, $"task '{name}' (#{id})"));
            }
            catch (InvalidOperationException exception)
            {
                completion.TrySetException(exception);
            }
        };
        return completion.Task;
    }

    private async Task<TResult> WithRetries<TResult>(string name, RetryPolicy policy, Func<Task<TResult>> attempt)
    {
        var firstAttemptAt = CurrentTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failed)
            {
                if (attemptNumber >= policy.MaxNumberOfAttempts || !policy.ShouldRetry(failed.FailureDetails))
                {
                    throw;
                }

                var delay = policy.DelayBeforeRetry(attemptNumber);
                if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentTime + delay - firstAttemptAt > policy.RetryTimeout)
                {
                    throw;
                }

                if (!Replaying)
                {
                    _observer?.ActivityRetryScheduled(InstanceId, name, attemptNumber + 1, delay, failed.FailureDetails);
                }

                await CreateTimer(CurrentUtcDateTime.Add(delay), CancellationToken.None);
            }
        }
    }

    private int RecordAction(HistoryEventType type, string? name, Func<HistoryEvent, HistoryEvent> fill)
    {
        var sequence = _nextSequence++;
        if (NonDeterminism is not null)
        {
            return -1;
        }

        if (sequence < _pastActions.Count)
        {
            var recorded = _pastActions[sequence];
            if (recorded.EventType != type || !string.Equals(recorded.Name, name, StringComparison.Ordinal))
            {
                NonDeterminism = $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): action #{sequence} was " +
                    $"{Describe(recorded.EventType, recorded.Name)} in history (event {recorded.EventId}), but the code now produced " +
                    $"{Describe(type, name)}. Orchestrator code must make the same calls in the same order on every replay.";
                return -1;
            }

            return recorded.EventId;
        }

        var created = fill(new HistoryEvent { EventId = _history.Count, EventType = type, Timestamp = CurrentTime, Name = name });
        _history.Add(created);
        return created.EventId;
    }

    private sealed record EventWaiter(Action<string?> Deliver);
}
