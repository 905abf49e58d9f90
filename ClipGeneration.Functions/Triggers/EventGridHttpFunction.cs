using System.Net;
using ClipGeneration.Core.Requests.Events;
using ClipGeneration.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Functions.Triggers;

/// <summary>
/// <c>POST api/events/eventgrid</c>: the Event Grid / CloudEvents webhook, for subscriptions that deliver to a
/// plain HTTPS endpoint (the same route the Host serves). The Event Grid trigger functions are the native path.
/// </summary>
/// <remarks>
/// Answers Event Grid's subscription-validation event with <c>{"validationResponse": code}</c> and the
/// CloudEvents abuse-protection OPTIONS request with <c>WebHook-Allowed-Origin</c>. Bad events: 400 with every problem.
/// </remarks>
public sealed class EventGridHttpFunction
{
    private readonly EventEnvelopeReader _reader;
    private readonly ILogger<EventGridHttpFunction> _logger;
    private readonly ClipStartSettings _settings;

    public EventGridHttpFunction(EventEnvelopeReader reader, ILogger<EventGridHttpFunction> logger, ClipStartSettings settings)
    {
        _reader = reader;
        _logger = logger;
        _settings = settings;
    }

    [Function("EventGridWebhook")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = "events/eventgrid")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        if (string.Equals(request.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase))
        {
            var handshake = request.CreateResponse(HttpStatusCode.OK);
            if (request.Headers.TryGetValues("WebHook-Request-Origin", out var origins))
            {
                handshake.Headers.Add("WebHook-Allowed-Origin", origins.First());
                handshake.Headers.Add("WebHook-Allowed-Rate", "*");
            }

            return handshake;
        }

        var body = await HttpResponses.ReadBodyAsync(request, context.CancellationToken);
        var outcomes = _reader.Read(new BinaryData(body));
        if (outcomes.OfType<ValidationHandshake>().FirstOrDefault() is { } validation)
        {
            _logger.LogInformation("Answering Event Grid subscription validation {EventId}", validation.EventId);
            return await HttpResponses.JsonAsync(request, HttpStatusCode.OK, new { validationResponse = validation.ValidationCode });
        }

        var results = new List<EventDispatchResult>();
        foreach (var outcome in outcomes)
        {
            results.Add(await EventOutcomeDispatcher.DispatchAsync(outcome, client, _settings, _logger, context.CancellationToken));
        }

        var problems = EventOutcomeDispatcher.ProblemsOf(outcomes);
        return problems.Count > 0
            ? await HttpResponses.ValidationProblemAsync(request, "One or more events are invalid.", problems)
            : await HttpResponses.JsonAsync(request, HttpStatusCode.OK, new { results });
    }
}
