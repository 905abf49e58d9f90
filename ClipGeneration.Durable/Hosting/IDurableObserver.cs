using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;

namespace ClipGeneration.Durable.Hosting;

/// <summary>One activity execution as an observer sees it.</summary>
/// <remarks><c>Attempt</c> counts deliveries of this work item to a worker: 1 at first, more after a crash or a lost lease.</remarks>
public sealed record ActivityExecution(string Name, string InstanceId, int TaskId, int Attempt);

/// <summary>Hooks for metrics and tracing: the host maps them to OpenTelemetry. Every method has a no-op default.</summary>
/// <remarks>
/// Called on engine threads; implementations must be quick and must not throw (an exception is logged and ignored).
/// Retries are reported once, when the orchestrator decides them (not again on replay).
/// </remarks>
public interface IDurableObserver
{
    void ActivityStarted(ActivityExecution execution)
    {
    }

    void ActivityCompleted(ActivityExecution execution, TimeSpan duration)
    {
    }

    void ActivityFailed(ActivityExecution execution, TaskFailureDetails failure, TimeSpan duration)
    {
    }

    /// <summary>The orchestrator will retry a failed activity after <paramref name="delay"/>; <paramref name="nextAttempt"/> is 2 for the first retry.</summary>
    void ActivityRetryScheduled(string instanceId, string activityName, int nextAttempt, TimeSpan delay, TaskFailureDetails failure)
    {
    }

    /// <summary>A running activity's lease was renewed by the heartbeat.</summary>
    void ActivityLeaseRenewed(ActivityExecution execution)
    {
    }

    void OrchestrationFinished(string instanceId, string name, OrchestrationRuntimeStatus status)
    {
    }
}
