using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;
using ClipGeneration.Durable.Serialization;

namespace ClipGeneration.Durable.Client;

/// <summary>Starts, queries, signals, terminates and purges orchestration instances: Durable Task's client, on the engine's database.</summary>
/// <remarks>
/// Get one from <see cref="DurableEngine.Client"/> (in-process wake-ups) or <see cref="Open"/> (another process on the
/// same database file: it polls at <see cref="DurableEngineOptions.PollInterval"/>). Payloads are serialized with
/// <see cref="DurableJson.Options"/> and refused over <see cref="DurableEngineOptions.MaxPayloadBytes"/>.
/// </remarks>
public sealed class DurableClient : IAsyncDisposable
{
    private readonly DurableStore _store;
    private readonly DurableEngineOptions _options;
    private readonly PayloadLimit _payloads;
    private readonly InstanceChangeNotifier? _notifier;
    private readonly WorkSignal? _orchestrationWork;
    private readonly bool _ownsDatabase;

    internal DurableClient(DurableStore store, DurableEngineOptions options, InstanceChangeNotifier? notifier, WorkSignal? orchestrationWork, bool ownsDatabase)
    {
        _store = store;
        _options = options;
        _payloads = new PayloadLimit(options.MaxPayloadBytes);
        _notifier = notifier;
        _orchestrationWork = orchestrationWork;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>Opens a client on a database without running an engine (e.g. a status command while a server runs).</summary>
    public static DurableClient Open(DurableEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var database = SqliteDatabase.Open(options.DatabasePath, options.HubName);
        return new DurableClient(new DurableStore(database), options, notifier: null, orchestrationWork: null, ownsDatabase: true);
    }

    /// <summary>Schedules an orchestration; returns its instance id.</summary>
    /// <remarks>
    /// With an <paramref name="instanceId"/> that already exists, nothing new starts and that id is returned: always while
    /// the instance is pending or running; also when it is terminal unless <see cref="DurableEngineOptions.RestartTerminalInstances"/>.
    /// Without one, a new GUID (N format) is used.
    /// </remarks>
    /// <exception cref="ArgumentException">Empty name, or an instance id that is blank or longer than 256 characters.</exception>
    /// <exception cref="PayloadTooLargeException">The serialized input is over the payload limit.</exception>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
        => (await TryScheduleNewOrchestrationInstanceAsync(orchestratorName, input, instanceId, cancellationToken)).InstanceId;

    /// <summary>Like <see cref="ScheduleNewOrchestrationInstanceAsync"/>, and says whether this call created the instance.</summary>
    public async Task<ScheduleResult> TryScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        if (instanceId is not null && (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > 256))
        {
            throw new ArgumentException("An instance id must be 1 to 256 characters and not blank.", nameof(instanceId));
        }

        var id = instanceId ?? Guid.NewGuid().ToString("N");
        var json = _payloads.Serialize(input, $"The input of orchestration '{orchestratorName}'");
        var result = await _store.ScheduleAsync(orchestratorName, id, json, Now, _options.RestartTerminalInstances, cancellationToken);
        if (result.Created)
        {
            _orchestrationWork?.Set();
        }

        return result;
    }

    /// <summary>Reads an instance's status; null when it does not exist.</summary>
    /// <remarks>
    /// <c>getInputsAndOutputs</c> adds input and output JSON (custom status is always there); <c>getHistory</c> adds the
    /// full history, oldest event first.
    /// </remarks>
    public Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, bool getHistory = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return _store.GetAsync(instanceId, getInputsAndOutputs, getHistory, cancellationToken);
    }

    /// <summary>Lists instances matching a query, one page at a time.</summary>
    /// <exception cref="ArgumentException">Page size outside 1..1000, or a continuation token this engine did not issue.</exception>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
        => _store.QueryAsync(query, cancellationToken);

    /// <summary>Waits until the instance is Completed, Failed or Terminated, and returns its final status (with input and output).</summary>
    /// <remarks>Wakes on the engine's in-process notification, and polls the database at the poll interval for other processes.</remarks>
    /// <exception cref="InstanceNotFoundException">No such instance (or it was purged while waiting).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = _notifier?.WaitForChangeAsync(instanceId);
            var status = await _store.GetAsync(instanceId, getInputsAndOutputs, includeHistory: false, cancellationToken)
                ?? throw new InstanceNotFoundException(instanceId);
            if (status.IsTerminal)
            {
                return status;
            }

            var poll = Task.Delay(_options.PollInterval, cancellationToken);
            await (changed is null ? poll : Task.WhenAny(changed, poll));
        }
    }

    /// <summary>Terminates a pending or running instance: it becomes Terminated at its next turn; late activity results are dropped.</summary>
    /// <returns>False when the instance had already finished (nothing changes).</returns>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public async Task<bool> TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var message = new HistoryEvent { EventId = -1, EventType = HistoryEventType.ExecutionTerminated, Timestamp = Now, Reason = reason };
        var queued = await _store.EnqueueToActiveAsync(instanceId, message, Now, cancellationToken);
        _orchestrationWork?.Set();
        return queued;
    }

    /// <summary>Raises an external event to an instance (delivered to <c>WaitForExternalEvent</c>, buffered until then).</summary>
    /// <returns>False when the instance has finished (the event is dropped).</returns>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="PayloadTooLargeException">The serialized payload is over the payload limit.</exception>
    public async Task<bool> RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var json = _payloads.Serialize(eventPayload, $"The payload of event '{eventName}'");
        var message = new HistoryEvent { EventId = -1, EventType = HistoryEventType.EventRaised, Timestamp = Now, Name = eventName, Input = json };
        var queued = await _store.EnqueueToActiveAsync(instanceId, message, Now, cancellationToken);
        _orchestrationWork?.Set();
        return queued;
    }

    /// <summary>Deletes a finished instance and its history.</summary>
    /// <returns>False when there is no such instance.</returns>
    /// <exception cref="InvalidOperationException">The instance is pending or running: terminate it first.</exception>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return _store.PurgeAsync(instanceId, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            _store.Database.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();
}
