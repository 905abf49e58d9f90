using Azure.Messaging;
using Azure.Messaging.EventGrid;
using ClipGeneration.Core.Requests.Events;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Functions.Triggers;

/// <summary>
/// Event Grid triggers: one for Event Grid schema events, one for CloudEvents. The Functions host answers
/// the subscription handshake itself and hands over one parsed event per call.
/// </summary>
/// <remarks>
/// Invalid events are logged and completed, not thrown: a retry cannot make them valid, and throwing would
/// only make Event Grid redeliver them until it gives up.
/// </remarks>
public sealed class EventGridTriggerFunction
{
    private readonly EventEnvelopeReader _reader;
    private readonly ILogger<EventGridTriggerFunction> _logger;
    private readonly ClipStartSettings _settings;

    public EventGridTriggerFunction(EventEnvelopeReader reader, ILogger<EventGridTriggerFunction> logger, ClipStartSettings settings)
    {
        _reader = reader;
        _logger = logger;
        _settings = settings;
    }

    [Function("EventGridClipEvent")]
    public Task RunEventGridAsync(
        [EventGridTrigger] EventGridEvent gridEvent,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
        => EventOutcomeDispatcher.DispatchAsync(_reader.Read(gridEvent), client, _settings, _logger, context.CancellationToken);

    [Function("EventGridClipCloudEvent")]
    public Task RunCloudEventAsync(
        [EventGridTrigger] CloudEvent cloudEvent,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
        => EventOutcomeDispatcher.DispatchAsync(_reader.Read(cloudEvent), client, _settings, _logger, context.CancellationToken);
}
