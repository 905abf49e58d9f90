using System.Collections.Concurrent;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Tests.Durable;

/// <summary>An observer that records what the engine reports, with signals tests can await.</summary>
internal sealed class RecordingObserver : IDurableObserver
{
    public ConcurrentQueue<ActivityExecution> Started { get; } = new();

    public ConcurrentQueue<(string Activity, int NextAttempt, TimeSpan Delay)> Retries { get; } = new();

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int LeaseRenewals => _leaseRenewals;

    private int _leaseRenewals;

    public void ActivityStarted(ActivityExecution execution) => Started.Enqueue(execution);

    public void ActivityCompleted(ActivityExecution execution, TimeSpan duration) => Completed.TrySetResult();

    public void ActivityRetryScheduled(string instanceId, string activityName, int nextAttempt, TimeSpan delay, TaskFailureDetails failure)
        => Retries.Enqueue((activityName, nextAttempt, delay));

    public void ActivityLeaseRenewed(ActivityExecution execution) => Interlocked.Increment(ref _leaseRenewals);
}
