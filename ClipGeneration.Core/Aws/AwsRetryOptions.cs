namespace ClipGeneration.Core.Aws;

/// <summary>How the AWS adapters retry transient faults before a call fails.</summary>
/// <remarks>
/// Defaults: 4 attempts in all, exponential backoff from 200 ms with jitter. Tests shorten
/// <see cref="BaseDelay"/> so fault-injection runs stay fast. The SDK's own retries are turned off
/// so that this is the only retry layer and its count is the one documented here.
/// </remarks>
public sealed class AwsRetryOptions
{
    /// <summary>Gets or sets the total number of attempts (first try included); 1 to 10.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Gets or sets the delay before the first retry; later ones double it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    internal IEnumerable<string> Validate(string section)
    {
        if (MaxAttempts is < 1 or > 10)
        {
            yield return $"{section}:Retry:MaxAttempts must be between 1 and 10 (was {MaxAttempts})";
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:Retry:BaseDelay must be between 0 and 1 minute (was {BaseDelay})";
        }
    }
}
