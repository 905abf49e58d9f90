namespace ClipGeneration.Core.Requests.Events;

/// <summary>What one event of a webhook or bus body means to the service.</summary>
public abstract record EventReadOutcome
{
    private protected EventReadOutcome()
    {
    }
}

/// <summary>A Begin Clip Generation event with a valid request: start (or find) the clip's orchestration.</summary>
/// <param name="Request">The validated request.</param>
/// <param name="EventId">The envelope's id (for bridged events, Event Grid's), for logs and tracing.</param>
/// <param name="Kind">The envelope that carried it.</param>
public sealed record ClipRequested(ValidatedClipRequest Request, string? EventId, EnvelopeKind Kind) : EventReadOutcome;

/// <summary>A well-formed event this service does not act on (another event type); answer success so it is not redelivered.</summary>
public sealed record EventIgnored(string EventType, string Reason, string? EventId) : EventReadOutcome;

/// <summary>An event that could not be read, or a Begin Clip Generation event whose request broke rules.</summary>
/// <param name="Problems">Every problem, with paths from the envelope's root (e.g. <c>[1].data.segments[0].endTime</c>).</param>
/// <param name="EventId">The event's id when it could be read.</param>
/// <param name="Kind">The envelope, when it was recognized.</param>
public sealed record EventInvalid(IReadOnlyList<RequestProblem> Problems, string? EventId, EnvelopeKind? Kind) : EventReadOutcome;

/// <summary>Event Grid's subscription-validation handshake: answer <c>{"validationResponse": ValidationCode}</c>.</summary>
public sealed record ValidationHandshake(string ValidationCode, string? ValidationUrl, string? EventId) : EventReadOutcome;
