using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Durable.History;

/// <summary>One entry of an instance's event-sourced history, as stored and as returned to clients.</summary>
/// <remarks>
/// <see cref="EventId"/> is the event's position in the instance's history (0-based, never reused). Completion
/// events point back at what they complete: <see cref="TaskScheduledId"/> is the <see cref="EventId"/> of the
/// TaskScheduled or SubOrchestrationInstanceCreated event, <see cref="TimerId"/> that of the TimerCreated event.
/// Payloads (<see cref="Input"/>, <see cref="Result"/>) are JSON text exactly as serialized.
/// </remarks>
public sealed record HistoryEvent
{
    public required int EventId { get; init; }

    public required HistoryEventType EventType { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the orchestrator, activity, sub-orchestrator or external event name, when the type has one.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the sub-orchestration's instance id (SubOrchestrationInstanceCreated).</summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets the JSON input (ExecutionStarted, TaskScheduled, SubOrchestrationInstanceCreated) or event payload (EventRaised).</summary>
    public string? Input { get; init; }

    /// <summary>Gets the JSON result (TaskCompleted, SubOrchestrationInstanceCompleted, ExecutionCompleted).</summary>
    public string? Result { get; init; }

    /// <summary>Gets why a task, sub-orchestration or the execution failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    public int? TaskScheduledId { get; init; }

    public int? TimerId { get; init; }

    /// <summary>Gets when a timer fires (TimerCreated, TimerFired).</summary>
    public DateTimeOffset? FireAt { get; init; }

    /// <summary>Gets the reason given to terminate the instance (ExecutionTerminated).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the parent instance (ExecutionStarted of a sub-orchestration).</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>Gets the parent's SubOrchestrationInstanceCreated event id (ExecutionStarted of a sub-orchestration).</summary>
    public int? ParentTaskScheduledId { get; init; }
}
