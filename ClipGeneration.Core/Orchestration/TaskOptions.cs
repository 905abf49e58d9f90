namespace ClipGeneration.Core.Orchestration;

/// <summary>Options for one activity call: its retry policy.</summary>
public sealed record TaskOptions(RetryPolicy? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options for a sub-orchestration: its instance id (generated when absent) and retry policy.</summary>
public sealed record SubOrchestrationOptions(string? InstanceId = null, RetryPolicy? Retry = null);
