using System.Text.Json.Serialization;

namespace ClipGeneration.Durable.History;

/// <summary>History event types, named as Durable Task names them so both hosts' histories read alike.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistoryEventType>))]
public enum HistoryEventType
{
    ExecutionStarted,
    OrchestratorStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    SubOrchestrationInstanceCreated,
    SubOrchestrationInstanceCompleted,
    SubOrchestrationInstanceFailed,
    OrchestratorCompleted,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,
}
