using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Execution;

/// <summary>
/// An orchestrator suspended between turns, kept in memory (Durable's "extended session") so the next turn applies
/// only the new events instead of replaying the whole history.
/// </summary>
/// <remarks>
/// Only an optimisation: it is used when its history has exactly as many events as the instance's committed history,
/// and dropped on any error, on eviction and on restart, after which the next turn replays from the stored history.
/// </remarks>
internal sealed class OrchestrationSession(EngineOrchestrationContext context, OrchestrationScheduler scheduler, List<HistoryEvent> history)
{
    public EngineOrchestrationContext Context { get; } = context;

    public OrchestrationScheduler Scheduler { get; } = scheduler;

    public List<HistoryEvent> History { get; } = history;

    public Task<object?>? Code { get; set; }

    /// <summary>Gets or sets how many action events (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated) the driver has seen.</summary>
    public int ActionsSeen { get; set; }
}
