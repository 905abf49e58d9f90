namespace ClipGeneration.Durable.Execution;

/// <summary>The orchestrator's actions no longer match its recorded history: the code changed, or it is not deterministic.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message), ClipGeneration.Core.Orchestration.INonRetryableFailure;

/// <summary>The orchestrator awaited a task the engine did not create (Task.Delay, Task.Run, I/O, ConfigureAwait(false)).</summary>
public sealed class ForeignAwaitException(string message) : Exception(message), ClipGeneration.Core.Orchestration.INonRetryableFailure
{
    /// <summary>The rule, quoted in every such failure so the reader knows what to change.</summary>
    public const string Rule =
        "Orchestrator code may only await tasks created by the OrchestrationContext (CallActivityAsync, CallSubOrchestratorAsync, " +
        "CreateTimer, WaitForExternalEvent, and Task.WhenAll/WhenAny over them); use CreateTimer instead of Task.Delay, an activity " +
        "instead of Task.Run or I/O, and never ConfigureAwait(false).";
}
