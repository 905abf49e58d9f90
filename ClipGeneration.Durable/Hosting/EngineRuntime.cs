using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Persistence;
using ClipGeneration.Durable.Serialization;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Durable.Hosting;

/// <summary>What both dispatchers share: the store, the settings, the wake-up signals, the worker's identity.</summary>
internal sealed class EngineRuntime
{
    public EngineRuntime(DurableStore store, OrchestrationRegistry registry, DurableEngineOptions options)
    {
        Store = store;
        Registry = registry;
        Options = options;
        Payloads = new PayloadLimit(options.MaxPayloadBytes);
        Services = options.Services ?? EmptyServices.Instance;
        Logger = options.LoggerFactory.CreateLogger("ClipGeneration.Durable");
        Owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    public DurableStore Store { get; }

    public OrchestrationRegistry Registry { get; }

    public DurableEngineOptions Options { get; }

    public PayloadLimit Payloads { get; }

    public IServiceProvider Services { get; }

    public ILogger Logger { get; }

    /// <summary>Gets this worker's lease owner id: unique per engine start, so a restarted process never owns a dead one's leases.</summary>
    public string Owner { get; }

    public TimeProvider Time => Options.TimeProvider;

    public WorkSignal OrchestrationWork { get; } = new();

    public WorkSignal ActivityWork { get; } = new();

    public InstanceChangeNotifier InstanceChanges { get; } = new();

    public void Observe(Action<IDurableObserver> call)
    {
        if (Options.Observer is not { } observer)
        {
            return;
        }

        try
        {
            call(observer);
        }
        catch (Exception exception)
        {
            Logs.ObserverFailed(Logger, exception, observer.GetType().Name);
        }
    }

    /// <summary>Waits until <paramref name="signal"/> is set, the poll interval passes, or <paramref name="dueAt"/> (engine clock) arrives.</summary>
    public async Task WaitForWorkAsync(WorkSignal signal, DateTimeOffset? dueAt, CancellationToken stopping)
    {
        using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var waits = new List<Task> { signal.WaitAsync(), Task.Delay(Options.PollInterval, waitEnd.Token) };
        if (dueAt is { } due)
        {
            // Timers can be months away; a timer wait is capped (the loop simply looks again).
            var delay = TimeSpan.FromTicks(Math.Min((due - Time.GetUtcNow()).Ticks, TimeSpan.FromHours(1).Ticks));
            waits.Add(delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, Time, waitEnd.Token));
        }

        await Task.WhenAny(waits);

        // Synchronous on purpose: it only disposes the losing delays' timers, and CancelAsync would cost a thread hop per wake-up.
        waitEnd.Cancel();
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
