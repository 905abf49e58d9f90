using ClipGeneration.Core.Observability;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Host.Observability;

/// <summary>Maps the engine's hooks to the service's metrics and logs: retries counted, finished instances logged.</summary>
/// <remarks>Spans per activity come from the engine's own ActivitySource ("ClipGeneration.Durable").</remarks>
public sealed class DurableTelemetryObserver(ILogger<DurableTelemetryObserver> logger) : IDurableObserver
{
    public void ActivityRetryScheduled(string instanceId, string activityName, int nextAttempt, TimeSpan delay, TaskFailureDetails failure)
        => ClipTelemetry.ActivityRetries.Add(
            1,
            new KeyValuePair<string, object?>(ClipTelemetry.ActivityNameTag, activityName),
            new KeyValuePair<string, object?>("error.type", failure.ErrorType));

    public void OrchestrationFinished(string instanceId, string name, OrchestrationRuntimeStatus status)
        => HostLogs.ClipFinished(logger, instanceId, status.ToString());
}
