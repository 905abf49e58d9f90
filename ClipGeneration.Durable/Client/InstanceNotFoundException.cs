namespace ClipGeneration.Durable.Client;

/// <summary>The client was asked about an instance id that the engine's database does not hold.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : Exception($"No orchestration instance with id '{instanceId}' exists (never scheduled, or purged).")
{
    public string InstanceId { get; } = instanceId;
}
