using System.Net;
using ClipGeneration.Core.Requests.Events;
using ClipGeneration.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Functions.Triggers;

/// <summary><c>POST api/events/eventbridge</c>: the EventBridge API-destination endpoint.</summary>
/// <remarks>
/// Every event in the body is acted on (valid clips start even when another event is bad). Answers 202 with one
/// result per event, or 400 with problem details when any event was invalid: EventBridge does not retry a 4xx,
/// which is right for input that will never become valid.
/// </remarks>
public sealed class EventBridgeHttpFunction
{
    private readonly EventEnvelopeReader _reader;
    private readonly ILogger<EventBridgeHttpFunction> _logger;
    private readonly ClipStartSettings _settings;

    public EventBridgeHttpFunction(EventEnvelopeReader reader, ILogger<EventBridgeHttpFunction> logger, ClipStartSettings settings)
    {
        _reader = reader;
        _logger = logger;
        _settings = settings;
    }

    [Function("EventBridgeEvents")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/eventbridge")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var body = await HttpResponses.ReadBodyAsync(request, context.CancellationToken);
        var outcomes = _reader.Read(new BinaryData(body));
        var results = new List<EventDispatchResult>();
        foreach (var outcome in outcomes)
        {
            results.Add(await EventOutcomeDispatcher.DispatchAsync(outcome, client, _settings, _logger, context.CancellationToken));
        }

        var problems = EventOutcomeDispatcher.ProblemsOf(outcomes);
        return problems.Count > 0
            ? await HttpResponses.ValidationProblemAsync(request, "One or more events are invalid.", problems)
            : await HttpResponses.JsonAsync(request, HttpStatusCode.Accepted, new { results });
    }
}
