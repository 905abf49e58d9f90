namespace ClipGeneration.Durable.Activities;

/// <summary>An orchestrator called an activity name this engine has no registration for; retrying cannot help.</summary>
public sealed class ActivityNotRegisteredException(string name, IEnumerable<string> registered)
    : Exception($"No activity named '{name}' is registered with this engine (registered: {string.Join(", ", registered)})."),
        ClipGeneration.Core.Orchestration.INonRetryableFailure
{
    public string ActivityName { get; } = name;
}
