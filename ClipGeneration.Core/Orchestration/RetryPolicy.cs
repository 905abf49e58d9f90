namespace ClipGeneration.Core.Orchestration;

/// <summary>
/// How a failed activity is retried: Durable Task's <c>RetryPolicy</c> fields, with the same meaning.
/// </summary>
/// <remarks>
/// The delay before retry <c>n</c> (1-based) is <c>FirstRetryInterval * BackoffCoefficient^(n-1)</c>, capped
/// by <see cref="MaxRetryInterval"/>. Retries stop after <see cref="MaxNumberOfAttempts"/> attempts in all,
/// once <see cref="RetryTimeout"/> has passed since the first attempt, or at the first failure that
/// <see cref="ShouldRetry"/> refuses (by default: failures marked non-retryable).
/// Delays are durable timers, so a retry that falls due while the process is down runs on restart.
/// </remarks>
public sealed record RetryPolicy
{
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Gets the total time retries may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Gets which failures are worth another attempt. Default: every failure not marked non-retryable.</summary>
    public Func<TaskFailureDetails, bool> ShouldRetry { get; init; } = static failure => !failure.IsNonRetryable;

    /// <summary>The delay before the given retry (1 = the first retry, after the first failed attempt).</summary>
    public TimeSpan DelayBeforeRetry(int retryNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryNumber, 1);
        var seconds = FirstRetryInterval.TotalSeconds * Math.Pow(BackoffCoefficient, retryNumber - 1);
        var capped = Math.Min(seconds, MaxRetryInterval.TotalSeconds);
        return TimeSpan.FromSeconds(capped);
    }
}
