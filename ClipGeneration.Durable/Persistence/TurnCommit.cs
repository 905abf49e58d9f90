using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Persistence;

/// <summary>What one orchestration turn loaded: the instance row, its history and its pending messages.</summary>
internal sealed record TurnInput(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus Status,
    string? ParentInstanceId,
    int? ParentTaskId,
    string? CustomStatus,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<(long Id, HistoryEvent Event)> Messages);

/// <summary>Everything one orchestration turn writes, committed in a single transaction.</summary>
/// <remarks>
/// Work items, timer messages and sub-orchestration starts are derived from <see cref="NewEvents"/> (TaskScheduled,
/// TimerCreated, SubOrchestrationInstanceCreated). When <see cref="Status"/> is terminal the instance's remaining
/// work items and messages are deleted, so late results are dropped, and its parent (if any) is told.
/// </remarks>
internal sealed record TurnCommit
{
    public required string InstanceId { get; init; }

    public required string LockOwner { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required IReadOnlyList<HistoryEvent> NewEvents { get; init; }

    public required int HistoryCount { get; init; }

    public required IReadOnlyList<long> ConsumedMessageIds { get; init; }

    public required OrchestrationRuntimeStatus Status { get; init; }

    public string? CustomStatus { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? TerminationReason { get; init; }

    public string? ParentInstanceId { get; init; }

    public int? ParentTaskId { get; init; }
}
