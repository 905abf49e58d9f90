using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Execution;

/// <summary>The result of one turn, before it is committed: the full new history and the instance's new state.</summary>
/// <remarks>
/// <c>History</c> holds past and new events, the new ones from <c>PastCount</c> on. <c>DropOnly</c> is true when the
/// turn only discards messages (the instance already finished, or no message applied).
/// </remarks>
internal sealed record TurnOutcome(
    IReadOnlyList<HistoryEvent> History,
    int PastCount,
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    string? CustomStatus,
    string? TerminationReason,
    bool DropOnly)
{
    /// <summary>Gets the orchestrator suspended after this turn, when it is still running and can be kept for the next turn.</summary>
    public OrchestrationSession? Session { get; init; }

    public IEnumerable<HistoryEvent> NewEvents => History.Skip(PastCount);
}
