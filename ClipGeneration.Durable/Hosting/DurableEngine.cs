using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Activities;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Execution;
using ClipGeneration.Durable.Persistence;

namespace ClipGeneration.Durable.Hosting;

/// <summary>
/// The embedded durable engine: runs the registry's orchestrators and activities on a SQLite hub, with Durable
/// Task's semantics (event-sourced history, replay, at-least-once activities, durable timers).
/// </summary>
/// <remarks>
/// Construct (opens the database and migrates its schema; <see cref="Client"/> works at once), then
/// <see cref="StartAsync"/> to begin dispatching. <see cref="StopAsync"/> is graceful: dispatch stops, running
/// activities are cancelled and either finish (their results are kept) or hand their lease back, so the next
/// start runs them again at once. Bad options throw <see cref="ArgumentException"/> from the constructor.
/// </remarks>
public sealed class DurableEngine : IAsyncDisposable
{
    private readonly EngineRuntime _runtime;
    private readonly Lock _lifecycle = new();
    private CancellationTokenSource? _stopping;
    private Task? _running;
    private ActivityDispatcher? _activities;
    private bool _disposed;

    public DurableEngine(OrchestrationRegistry registry, DurableEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var database = SqliteDatabase.Open(options.DatabasePath, options.HubName);
        _runtime = new EngineRuntime(new DurableStore(database), registry, options);
        Client = new DurableClient(_runtime.Store, options, _runtime.InstanceChanges, _runtime.OrchestrationWork, ownsDatabase: false);
    }

    public DurableClient Client { get; }

    public DurableEngineOptions Options => _runtime.Options;

    /// <summary>Gets the full path of the SQLite file.</summary>
    public string DatabasePath => _runtime.Store.Database.Path;

    /// <summary>Starts the orchestration and activity dispatchers; calling it while started does nothing.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running is not null)
            {
                return Task.CompletedTask;
            }

            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            var activities = _activities = new ActivityDispatcher(_runtime);
            var replayer = new OrchestrationReplayer(_runtime.Registry, _runtime.Services, _runtime.Payloads, _runtime.Options.LoggerFactory, _runtime.Options.Observer);
            var orchestrations = new OrchestrationDispatcher(_runtime, replayer, activities.CancelInstance);
            _running = Task.WhenAll(
                Task.Run(() => orchestrations.RunAsync(stopping), CancellationToken.None),
                Task.Run(() => activities.RunAsync(stopping), CancellationToken.None));
            Logs.EngineStarted(_runtime.Logger, DatabasePath, Options.HubName, _runtime.Owner);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops dispatching and waits for running work to finish or hand its lease back.</summary>
    /// <remarks>If <paramref name="cancellationToken"/> fires first, this returns while work is still winding down.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? running;
        lock (_lifecycle)
        {
            running = _running;
            _stopping?.Cancel();
        }

        if (running is null)
        {
            return;
        }

        await running.WaitAsync(cancellationToken);
        lock (_lifecycle)
        {
            _running = null;
            _stopping?.Dispose();
            _stopping = null;
            _activities?.Dispose();
            _activities = null;
        }

        Logs.EngineStopped(_runtime.Logger, _runtime.Owner);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync();
        _disposed = true;
        _runtime.Store.Database.Dispose();
    }
}
