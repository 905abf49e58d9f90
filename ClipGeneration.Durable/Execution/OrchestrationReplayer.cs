using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;
using ClipGeneration.Durable.Serialization;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Durable.Execution;

/// <summary>
/// Runs one orchestration turn: appends the instance's pending messages to its history, replays the orchestrator
/// from the top against the whole history on an <see cref="OrchestrationScheduler"/>, and returns what changed.
/// Pure: no I/O, no clock (the turn time is given), so a turn is repeatable.
/// </summary>
internal sealed class OrchestrationReplayer(
    OrchestrationRegistry registry, IServiceProvider services, PayloadLimit payloads, ILoggerFactory loggers, IDurableObserver? observer)
{
    /// <summary>Runs a turn; continues <paramref name="session"/> instead of replaying when it matches the stored history.</summary>
    public TurnOutcome Run(TurnInput input, DateTimeOffset now, OrchestrationSession? session = null)
    {
        var resume = session is not null && ReferenceEquals(session.History, input.History) && session.Code is { IsCompleted: false };
        List<HistoryEvent> history;
        if (resume)
        {
            history = session!.History;
        }
        else
        {
            history = new List<HistoryEvent>(input.History.Count + input.Messages.Count + 4);
            history.AddRange(input.History);
        }

        var pastCount = history.Count;
        if (input.Status.IsTerminal())
        {
            return Unchanged(input, history, pastCount);
        }

        var accepted = AcceptMessages(input, history);
        if (accepted.Count == 0)
        {
            return Unchanged(input, history, pastCount);
        }

        history.Add(new HistoryEvent { EventId = history.Count, EventType = HistoryEventType.OrchestratorStarted, Timestamp = now });
        if (accepted.FirstOrDefault(e => e.EventType == HistoryEventType.ExecutionTerminated) is { } terminated)
        {
            history.Add(terminated with { EventId = history.Count, Timestamp = now });
            return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Terminated, null, null, input.CustomStatus, terminated.Reason ?? string.Empty);
        }

        foreach (var message in accepted)
        {
            history.Add(message with { EventId = history.Count });
        }

        return resume ? Drive(input, session!, pastCount, pastCount, now) : Replay(input, history, pastCount, now);
    }

    private static TurnOutcome Unchanged(TurnInput input, List<HistoryEvent> history, int pastCount)
        => new(history, pastCount, input.Status, null, null, input.CustomStatus, null, DropOnly: true);

    private static TurnOutcome Finish(
        List<HistoryEvent> history, int pastCount, DateTimeOffset now, OrchestrationRuntimeStatus status, string? output,
        TaskFailureDetails? failure, string? customStatus, string? terminationReason)
    {
        switch (status)
        {
            case OrchestrationRuntimeStatus.Completed:
                history.Add(new HistoryEvent { EventId = history.Count, EventType = HistoryEventType.ExecutionCompleted, Timestamp = now, Result = output });
                break;
            case OrchestrationRuntimeStatus.Failed:
                history.Add(new HistoryEvent { EventId = history.Count, EventType = HistoryEventType.ExecutionFailed, Timestamp = now, FailureDetails = failure });
                break;
            default:
                break;
        }

        history.Add(new HistoryEvent { EventId = history.Count, EventType = HistoryEventType.OrchestratorCompleted, Timestamp = now });
        return new TurnOutcome(history, pastCount, status, output, failure, customStatus, terminationReason, DropOnly: false);
    }

    /// <summary>Keeps the messages that still mean something: a first start, a termination, an event, a first completion of a known task.</summary>
    private static List<HistoryEvent> AcceptMessages(TurnInput input, List<HistoryEvent> history)
    {
        var started = history.Any(e => e.EventType == HistoryEventType.ExecutionStarted);
        var actions = new Dictionary<int, HistoryEventType>();
        var done = new HashSet<int>();
        foreach (var e in history)
        {
            if (EngineOrchestrationContext.IsAction(e.EventType))
            {
                actions[e.EventId] = e.EventType;
            }
            else if (e.TaskScheduledId is { } task)
            {
                done.Add(task);
            }
            else if (e.TimerId is { } timer)
            {
                done.Add(timer);
            }
        }

        var accepted = new List<HistoryEvent>();
        foreach (var (_, message) in input.Messages)
        {
            var keep = message.EventType switch
            {
                HistoryEventType.ExecutionStarted => !started && (started = true),
                HistoryEventType.ExecutionTerminated or HistoryEventType.EventRaised => true,
                HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed =>
                    Matches(message.TaskScheduledId, HistoryEventType.TaskScheduled, actions, done),
                HistoryEventType.SubOrchestrationInstanceCompleted or HistoryEventType.SubOrchestrationInstanceFailed =>
                    Matches(message.TaskScheduledId, HistoryEventType.SubOrchestrationInstanceCreated, actions, done),
                HistoryEventType.TimerFired => Matches(message.TimerId, HistoryEventType.TimerCreated, actions, done),
                _ => false,
            };
            if (keep)
            {
                accepted.Add(message);
            }
        }

        // A start is applied before anything else that arrived with it.
        return [.. accepted.OrderBy(e => e.EventType == HistoryEventType.ExecutionStarted ? 0 : 1)];
    }

    private static bool Matches(int? id, HistoryEventType expected, Dictionary<int, HistoryEventType> actions, HashSet<int> done)
        => id is { } value && actions.TryGetValue(value, out var type) && type == expected && done.Add(value);

    private static TaskFailureDetails DescribeFailure(Exception exception)
        => exception is TaskFailedException failed
            ? new TaskFailureDetails(typeof(TaskFailedException).FullName!, failed.Message, failed.StackTrace, failed.FailureDetails, failed.FailureDetails.IsNonRetryable)
            : TaskFailureDetails.FromException(exception);

    private TurnOutcome Replay(TurnInput input, List<HistoryEvent> history, int pastCount, DateTimeOffset now)
    {
        var start = history.First(e => e.EventType == HistoryEventType.ExecutionStarted);
        if (!registry.TryGetOrchestrator(input.Name, out var factory))
        {
            var missing = new TaskFailureDetails(
                typeof(InvalidOperationException).FullName!,
                $"No orchestrator named '{input.Name}' is registered with this engine (registered: {string.Join(", ", registry.OrchestratorNames)}).",
                IsNonRetryable: true);
            return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Failed, null, missing, input.CustomStatus, null);
        }

        var context = new EngineOrchestrationContext(input.Name, input.InstanceId, start.Input, history, pastCount, input.CustomStatus, payloads, loggers, observer);
        var session = new OrchestrationSession(context, new OrchestrationScheduler(), history);
        return Drive(input, session, 0, pastCount, now, () => StartCode(factory, context, start.Input));
    }

    /// <summary>Feeds history events from <paramref name="from"/> on to the orchestrator, one at a time, running it until idle after each.</summary>
    private TurnOutcome Drive(TurnInput input, OrchestrationSession session, int from, int pastCount, DateTimeOffset now, Func<Task<object?>>? start = null)
    {
        var (context, scheduler, history) = (session.Context, session.Scheduler, session.History);
        scheduler.Attach();
        for (var index = from; index < history.Count && context.NonDeterminism is null && !scheduler.ForeignContinuationSeen; index++)
        {
            var e = history[index];
            context.Replaying = index < pastCount;
            switch (e.EventType)
            {
                case HistoryEventType.OrchestratorStarted:
                    context.CurrentTime = e.Timestamp;
                    break;
                case HistoryEventType.ExecutionStarted when start is not null:
                    session.Code = scheduler.Start(start);
                    break;
                case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationInstanceCreated:
                    if (++session.ActionsSeen > context.ActionCount)
                    {
                        context.ReportMissingAction(e);
                    }

                    break;
                case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed
                    or HistoryEventType.SubOrchestrationInstanceCompleted or HistoryEventType.SubOrchestrationInstanceFailed:
                    context.Complete(e.TaskScheduledId!.Value, e);
                    break;
                case HistoryEventType.TimerFired:
                    context.Complete(e.TimerId!.Value, e);
                    break;
                case HistoryEventType.EventRaised:
                    context.Deliver(e.Name!, e.Input);
                    break;
                default:
                    break;
            }

            scheduler.RunUntilIdle();
        }

        context.Replaying = false;
        return Conclude(input, history, pastCount, now, session);
    }

    private TurnOutcome Conclude(TurnInput input, List<HistoryEvent> history, int pastCount, DateTimeOffset now, OrchestrationSession session)
    {
        var (context, scheduler, code) = (session.Context, session.Scheduler, session.Code);
        if (code is { IsCompleted: true } || context.NonDeterminism is not null)
        {
            context.CheckAllPastActionsReproduced();
        }

        if (context.NonDeterminism is { } nonDeterminism)
        {
            var failure = TaskFailureDetails.FromException(new NonDeterministicOrchestrationException(nonDeterminism));
            return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Failed, null, failure, context.CustomStatus, null);
        }

        if (code is null)
        {
            throw new InvalidOperationException($"Instance '{input.InstanceId}' has no ExecutionStarted event: its history is corrupt.");
        }

        if (code.IsCompletedSuccessfully)
        {
            try
            {
                var output = payloads.Serialize(code.Result, $"The output of orchestration '{input.Name}'");
                return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Completed, output, null, context.CustomStatus, null);
            }
            catch (Exception exception) when (exception is PayloadTooLargeException or NotSupportedException or System.Text.Json.JsonException)
            {
                return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(exception), context.CustomStatus, null);
            }
        }

        if (code.IsFaulted || code.IsCanceled)
        {
            var exception = code.Exception?.InnerException ?? new OperationCanceledException($"Orchestration '{input.Name}' was cancelled.");
            return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Failed, null, DescribeFailure(exception), context.CustomStatus, null);
        }

        if (scheduler.ForeignContinuationSeen || context.OpenTaskCount == 0)
        {
            var failure = TaskFailureDetails.FromException(new ForeignAwaitException(
                $"Orchestration '{input.Name}' (instance '{input.InstanceId}') is waiting for a task that the orchestration context did not create, " +
                $"so no history event can ever complete it. {ForeignAwaitException.Rule}"));
            return Finish(history, pastCount, now, OrchestrationRuntimeStatus.Failed, null, failure, context.CustomStatus, null);
        }

        history.Add(new HistoryEvent { EventId = history.Count, EventType = HistoryEventType.OrchestratorCompleted, Timestamp = now });
        return new TurnOutcome(history, pastCount, OrchestrationRuntimeStatus.Running, null, null, context.CustomStatus, null, DropOnly: false)
        {
            Session = session,
        };
    }

    private async Task<object?> StartCode(Func<IServiceProvider, IOrchestrator> factory, EngineOrchestrationContext context, string? inputJson)
    {
        var orchestrator = factory(services);
        var input = DurableJson.Deserialize(inputJson, orchestrator.InputType);
        return await orchestrator.RunAsync(context, input);
    }
}
