using ClipGeneration.Core.Orchestration;
using Microsoft.Extensions.Logging;
using CoreFailure = ClipGeneration.Core.Orchestration.TaskFailureDetails;
using CoreRetryPolicy = ClipGeneration.Core.Orchestration.RetryPolicy;
using CoreSubOrchestrationOptions = ClipGeneration.Core.Orchestration.SubOrchestrationOptions;
using CoreTaskFailedException = ClipGeneration.Core.Orchestration.TaskFailedException;
using CoreTaskOptions = ClipGeneration.Core.Orchestration.TaskOptions;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableRetryPolicy = Microsoft.DurableTask.RetryPolicy;
using DurableSubOrchestrationOptions = Microsoft.DurableTask.SubOrchestrationOptions;
using DurableTaskFailedException = Microsoft.DurableTask.TaskFailedException;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;

namespace ClipGeneration.Functions.Orchestration;

/// <summary>
/// Core's orchestration port over Durable Functions' <see cref="DurableContext"/>: every member maps to its
/// Durable counterpart, so Core's orchestrator runs on Durable Functions unchanged.
/// </summary>
/// <remarks>
/// Retry policies become Durable <see cref="DurableRetryPolicy"/>s (same fields, same meaning; Durable replays
/// the retry timers). Durable's <see cref="DurableTaskFailedException"/> is rethrown as Core's
/// <see cref="CoreTaskFailedException"/>, so Core's orchestrator catches one type on both hosts.
/// </remarks>
internal sealed class DurableOrchestrationContextAdapter : OrchestrationContext
{
    private readonly DurableContext _context;

    public DurableOrchestrationContextAdapter(DurableContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public override string Name => _context.Name.Name;

    public override string InstanceId => _context.InstanceId;

    public override bool IsReplaying => _context.IsReplaying;

    public override DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    public override T? GetInput<T>()
        where T : default
        => _context.GetInput<T>();

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, CoreTaskOptions? options = null)
    {
        try
        {
            return await _context.CallActivityAsync<TResult>(name, input, ToDurable(options?.Retry));
        }
        catch (DurableTaskFailedException failure)
        {
            throw ToCore(failure);
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, CoreSubOrchestrationOptions? options = null)
    {
        var durableOptions = new DurableSubOrchestrationOptions(ToDurable(options?.Retry) ?? new DurableTaskOptions(), options?.InstanceId);
        try
        {
            return await _context.CallSubOrchestratorAsync<TResult>(name, input, durableOptions);
        }
        catch (DurableTaskFailedException failure)
        {
            throw ToCore(failure);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        => _context.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => _context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SetCustomStatus(object? customStatus) => _context.SetCustomStatus(customStatus);

    public override Guid NewGuid() => _context.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => _context.CreateReplaySafeLogger(categoryName);

    /// <summary>Maps Core's policy field by field; null stays null (no retries).</summary>
    /// <remarks>
    /// Durable refuses a max interval or timeout shorter than the first interval, which Core allows; those are
    /// raised to the first interval, which is what either engine would wait anyway.
    /// </remarks>
    internal static DurableTaskOptions? ToDurable(CoreRetryPolicy? policy)
    {
        if (policy is null)
        {
            return null;
        }

        var maxInterval = policy.MaxRetryInterval < policy.FirstRetryInterval ? policy.FirstRetryInterval : policy.MaxRetryInterval;
        var timeout = policy.RetryTimeout != Timeout.InfiniteTimeSpan && policy.RetryTimeout < policy.FirstRetryInterval
            ? policy.FirstRetryInterval
            : policy.RetryTimeout;
        var durablePolicy = new DurableRetryPolicy(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, maxInterval, timeout)
        {
            HandleFailure = failure => policy.ShouldRetry(ToCore(failure)),
        };
        return DurableTaskOptions.FromRetryPolicy(durablePolicy);
    }

    internal static CoreTaskFailedException ToCore(DurableTaskFailedException failure)
        => new(failure.TaskName, failure.TaskId, ToCore(failure.FailureDetails));

    /// <summary>Copies Durable's failure details; non-retryability is read from the failing exception's type.</summary>
    /// <remarks>
    /// Durable's details carry the exception's type name but no non-retryable flag, so the type is looked up
    /// among the loaded assemblies (Core's exceptions are always loaded here) and checked for
    /// <see cref="INonRetryableFailure"/>; an unknown type counts as retryable, as in Core's default.
    /// </remarks>
    internal static CoreFailure ToCore(DurableFailure failure)
    {
        var inner = failure.InnerFailure is null ? null : ToCore(failure.InnerFailure);
        return new CoreFailure(
            failure.ErrorType,
            failure.ErrorMessage,
            failure.StackTrace,
            inner,
            IsNonRetryableType(failure.ErrorType) || (inner?.IsNonRetryable ?? false));
    }

    private static bool IsNonRetryableType(string errorType)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var type = assembly.GetType(errorType, throwOnError: false);
            if (type is not null)
            {
                return typeof(INonRetryableFailure).IsAssignableFrom(type);
            }
        }

        return false;
    }
}
