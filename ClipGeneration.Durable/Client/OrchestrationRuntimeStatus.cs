using System.Text.Json.Serialization;

namespace ClipGeneration.Durable.Client;

/// <summary>Where an instance is in its life: Durable Task's runtime status names, with the same meaning.</summary>
/// <remarks>
/// Pending: scheduled, no turn has run yet. Running: at least one turn ran and it has not finished.
/// Completed, Failed and Terminated are terminal: no further turn runs, late messages are dropped.
/// Suspended exists for parity with Durable's status strings; this engine never suspends an instance.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<OrchestrationRuntimeStatus>))]
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}

/// <summary>Terminal-state test shared by the client, the store and the dispatcher.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed and Terminated: the instance will never run another turn.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status)
        => status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
