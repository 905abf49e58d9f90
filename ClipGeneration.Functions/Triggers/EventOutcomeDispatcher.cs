using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Requests.Events;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Functions.Triggers;

/// <summary>One event's fate, as the event endpoints report it.</summary>
/// <param name="EventId">The envelope's id, when known.</param>
/// <param name="Outcome">started | alreadyRunning | alreadyCompleted | ignored | invalid | validation.</param>
/// <param name="ClipId">The clip, for clip requests.</param>
/// <param name="Problems">For invalid events: every problem, as "field: reason".</param>
public sealed record EventDispatchResult(string? EventId, string Outcome, string? ClipId = null, IReadOnlyList<string>? Problems = null);

/// <summary>Acts on what <see cref="EventEnvelopeReader"/> read: starts clips, logs the rest. No other logic.</summary>
internal static class EventOutcomeDispatcher
{
    public static async Task<EventDispatchResult> DispatchAsync(
        EventReadOutcome outcome, DurableTaskClient client, ClipStartSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ClipRequested requested:
                var started = await ClipOrchestrationStarter.StartAsync(client, requested.Request, settings, cancellationToken);
                logger.LogInformation(
                    "Clip {ClipId} from {EnvelopeKind} event {EventId}: {StartResult}", requested.Request.ClipId, requested.Kind, requested.EventId, started);
                return new EventDispatchResult(requested.EventId, ToOutcome(started), requested.Request.ClipId);
            case EventIgnored ignored:
                logger.LogInformation("Event {EventId} ignored: {Reason}", ignored.EventId, ignored.Reason);
                return new EventDispatchResult(ignored.EventId, "ignored");
            case EventInvalid invalid:
                logger.LogWarning("Event {EventId} rejected: {Problems}", invalid.EventId, string.Join("; ", invalid.Problems));
                return new EventDispatchResult(invalid.EventId, "invalid", Problems: [.. invalid.Problems.Select(p => p.ToString())]);
            case ValidationHandshake handshake:
                return new EventDispatchResult(handshake.EventId, "validation");
            default:
                throw new InvalidOperationException($"Unknown event outcome {outcome.GetType().Name}.");
        }
    }

    public static IReadOnlyList<RequestProblem> ProblemsOf(IEnumerable<EventReadOutcome> outcomes)
        => [.. outcomes.OfType<EventInvalid>().SelectMany(invalid => invalid.Problems)];

    private static string ToOutcome(ClipStartResult result) => result switch
    {
        ClipStartResult.Started => "started",
        ClipStartResult.AlreadyRunning => "alreadyRunning",
        _ => "alreadyCompleted",
    };
}
