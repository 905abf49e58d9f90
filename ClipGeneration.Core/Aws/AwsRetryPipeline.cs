using Polly;
using Polly.Retry;

namespace ClipGeneration.Core.Aws;

/// <summary>Builds the Polly pipeline that wraps every S3 and DynamoDB call.</summary>
public static class AwsRetryPipeline
{
    public static ResiliencePipeline Create(AwsRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && AwsTransientFaults.IsTransient(exception, args.Context.CancellationToken)),
            })
            .Build();
    }
}
