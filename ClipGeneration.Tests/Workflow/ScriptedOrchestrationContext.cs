using ClipGeneration.Core.Orchestration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipGeneration.Tests.Workflow;

/// <summary>
/// A hand-driven <see cref="OrchestrationContext"/> for logic tests of orchestrator code: every activity call
/// becomes a pending call the test completes or fails, in whatever order the scenario needs.
/// </summary>
internal sealed class ScriptedOrchestrationContext(string instanceId) : OrchestrationContext
{
    private readonly List<PendingCall> _pending = [];

    public List<string> CallLog { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public int MaxInFlight { get; private set; }

    public IReadOnlyList<PendingCall> Pending => _pending;

    public DateTime Now { get; set; } = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public override string Name => "scripted";

    public override string InstanceId => instanceId;

    public override bool IsReplaying => false;

    public override DateTime CurrentUtcDateTime => Now;

    public override T? GetInput<T>()
        where T : default => default;

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        var completion = new TaskCompletionSource<object?>();
        var call = new PendingCall(name, input, completion);
        _pending.Add(call);
        CallLog.Add(name);
        MaxInFlight = Math.Max(MaxInFlight, _pending.Count);
        return Convert<TResult>(completion.Task);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null)
        => throw new InvalidOperationException("The clip workflow starts no sub-orchestrations.");

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        => throw new InvalidOperationException("The clip workflow creates no timers of its own.");

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("The clip workflow waits for no events.");

    public override void SetCustomStatus(object? customStatus) => CustomStatuses.Add(customStatus);

    public override Guid NewGuid() => Guid.Empty;

    public override ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    /// <summary>Completes the oldest pending call named <paramref name="name"/> with <paramref name="result"/>.</summary>
    public PendingCall Complete(string name, Func<object?, object?> result)
        => CompleteWhere(p => p.Name == name, result);

    /// <summary>Completes the oldest pending call that matches <paramref name="match"/>.</summary>
    public PendingCall CompleteWhere(Func<PendingCall, bool> match, Func<object?, object?> result)
    {
        var call = _pending.First(match);
        _pending.Remove(call);
        call.Completion.SetResult(result(call.Input));
        return call;
    }

    public PendingCall Fail(string name, TaskFailureDetails failure)
    {
        var call = _pending.First(p => p.Name == name);
        _pending.Remove(call);
        call.Completion.SetException(new TaskFailedException(name, 0, failure));
        return call;
    }

    private static async Task<T> Convert<T>(Task<object?> task) => (T)(await task)!;

    internal sealed record PendingCall(string Name, object? Input, TaskCompletionSource<object?> Completion);
}
