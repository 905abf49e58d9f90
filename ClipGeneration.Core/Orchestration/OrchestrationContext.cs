using Microsoft.Extensions.Logging;

namespace ClipGeneration.Core.Orchestration;

/// <summary>
/// What an orchestrator may touch: the port between workflow code and a durable engine.
/// Shaped like Durable Task's <c>TaskOrchestrationContext</c> so the Azure adapter is a thin mapping.
/// </summary>
/// <remarks>
/// Orchestrator code is replayed from history: everything that is not deterministic (time, ids,
/// timers, I/O) goes through this context, never through <see cref="DateTime.UtcNow"/>,
/// <see cref="Guid.NewGuid"/>, <see cref="Task.Delay(TimeSpan)"/> or <see cref="Task.Run(Action)"/>.
/// </remarks>
public abstract class OrchestrationContext
{
    /// <summary>Gets the name the orchestrator was registered under.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the instance id (for clips: the clip id).</summary>
    public abstract string InstanceId { get; }

    /// <summary>Gets a value indicating whether the code is re-running past work from history.</summary>
    /// <remarks>Use it to keep side effects such as logs and metrics from repeating on replay.</remarks>
    public abstract bool IsReplaying { get; }

    /// <summary>Gets the replay-safe current time: the replacement for <see cref="DateTime.UtcNow"/>.</summary>
    /// <remarks>It is the time the engine recorded for the current turn, the same on every replay.</remarks>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Reads the orchestration's input.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result; retried per <paramref name="options"/>.</summary>
    /// <exception cref="TaskFailedException">The activity failed and retries (if any) were exhausted.</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity that returns nothing.</summary>
    public virtual Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    /// <exception cref="TaskFailedException">The sub-orchestration failed.</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null);

    /// <summary>A durable timer: survives restarts, fires at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/> from the replay-safe current time.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised to this instance by name.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event, failing with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    /// <remarks>Built from a durable timer and <see cref="Task.WhenAny(Task[])"/>, as Durable Task does.</remarks>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancellation = new CancellationTokenSource();
        var eventTask = WaitForExternalEvent<T>(eventName, CancellationToken.None);
        var timerTask = CreateTimer(timeout, timerCancellation.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        if (winner == eventTask)
        {
            // Cancel, not CancelAsync: the cancellation must run on the orchestration's own thread, in order.
            timerCancellation.Cancel();
            return await eventTask;
        }

        throw new TimeoutException($"Event '{eventName}' was not raised within {timeout}.");
    }

    /// <summary>Sets the status a client sees while the instance runs (any JSON-serializable value).</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A replay-safe, deterministic new id: the replacement for <see cref="Guid.NewGuid"/>.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
