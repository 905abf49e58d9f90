using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Workflow;

/// <summary>How the clip workflow retries its activities (host.json <c>clipGeneration</c> section).</summary>
/// <remarks>
/// Defaults: 3 attempts per activity, 2 s before the first retry, doubling, at most 30 s between attempts.
/// Failures marked non-retryable (bad input, corrupt media, a missing object) are never retried.
/// </remarks>
public sealed record ClipWorkflowOptions
{
    public const string SectionName = "clipGeneration";

    /// <summary>Gets how many range extractions run at once (a sliding window). Default 3.</summary>
    public int SegmentConcurrency { get; init; } = 3;

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan FirstRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    public double BackoffCoefficient { get; init; } = 2.0;

    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    public RetryPolicy ToRetryPolicy() => new(MaxAttempts, FirstRetryInterval, BackoffCoefficient, MaxRetryInterval);

    /// <summary>Checks every setting at start, so a bad host.json fails the process instead of every clip.</summary>
    /// <exception cref="ArgumentException">One message listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (SegmentConcurrency < 1)
        {
            problems.Add($"clipGeneration.segmentConcurrency must be at least 1 (was {SegmentConcurrency})");
        }

        if (MaxAttempts < 1)
        {
            problems.Add($"clipGeneration.maxAttempts must be at least 1 (was {MaxAttempts})");
        }

        if (FirstRetryInterval <= TimeSpan.Zero)
        {
            problems.Add($"clipGeneration.firstRetryInterval must be positive (was {FirstRetryInterval})");
        }

        if (!(BackoffCoefficient >= 1.0) || double.IsInfinity(BackoffCoefficient))
        {
            problems.Add($"clipGeneration.backoffCoefficient must be a number >= 1 (was {BackoffCoefficient})");
        }

        if (MaxRetryInterval < FirstRetryInterval)
        {
            problems.Add($"clipGeneration.maxRetryInterval must not be shorter than firstRetryInterval (was {MaxRetryInterval})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid workflow settings (host.json clipGeneration): " + string.Join("; ", problems) + ".");
        }
    }
}
