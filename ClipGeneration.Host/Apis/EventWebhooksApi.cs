using System.Text.Json.Nodes;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Requests.Events;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Host.Clips;
using ClipGeneration.Host.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClipGeneration.Host.Apis;

/// <summary>
/// Event webhooks: <c>POST /api/events/eventgrid</c> (Event Grid schema and CloudEvents 1.0, single or batch, with
/// both validation handshakes) and <c>POST /api/events/eventbridge</c> (EventBridge API destinations). Function key required.
/// </summary>
/// <remarks>
/// Only <c>Begin Clip Generation</c> starts work (instance id = clip id, so redelivery finds the running instance);
/// other event types are acknowledged with 200, logged and ignored. A body with any invalid event answers 400 listing
/// every problem with its path in the batch, and starts nothing from that body: Event Grid then retries or
/// dead-letters the whole delivery, and a fixed batch redelivered later starts each clip once.
/// </remarks>
public static class EventWebhooksApi
{
    public const string EventGridRoute = "/api/events/eventgrid";
    public const string EventBridgeRoute = "/api/events/eventbridge";

    private static readonly string[] EventGridMediaTypes = ["application/json", "application/cloudevents+json", "application/cloudevents-batch+json"];
    private static readonly string[] EventBridgeMediaTypes = ["application/json"];

    public static IEndpointRouteBuilder MapEventWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(EventGridRoute, ReceiveEventGrid).RequireFunctionKey();
        app.MapMethods(EventGridRoute, [HttpMethods.Options], AbuseProtectionHandshake).RequireFunctionKey();
        app.MapPost(EventBridgeRoute, ReceiveEventBridge).RequireFunctionKey();
        return app;
    }

    public static Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReceiveEventGrid(
        HttpRequest request, RequestBody body, EventEnvelopeReader reader, ClipStarter starter, ILogger<ClipStarter> logger, CancellationToken cancellationToken)
        => ReceiveAsync(request, EventGridMediaTypes, body, reader, starter, logger, cancellationToken);

    public static Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReceiveEventBridge(
        HttpRequest request, RequestBody body, EventEnvelopeReader reader, ClipStarter starter, ILogger<ClipStarter> logger, CancellationToken cancellationToken)
        => ReceiveAsync(request, EventBridgeMediaTypes, body, reader, starter, logger, cancellationToken);

    /// <summary>CloudEvents webhook abuse protection: an OPTIONS request with <c>WebHook-Request-Origin</c> is answered with it allowed.</summary>
    public static Results<Ok, ProblemHttpResult> AbuseProtectionHandshake(HttpRequest request, ILogger<ClipStarter> logger)
    {
        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        if (origin.Length == 0)
        {
            return Problems.BadRequest("WebHook-Request-Origin", "the CloudEvents validation handshake needs this header");
        }

        var response = request.HttpContext.Response;
        response.Headers["WebHook-Allowed-Origin"] = origin;
        if (request.Headers.ContainsKey("WebHook-Request-Rate"))
        {
            response.Headers["WebHook-Allowed-Rate"] = "*";
        }

        response.Headers.Allow = "OPTIONS, POST";
        HostLogs.AbuseProtectionHandshake(logger, origin);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, string[] mediaTypes, RequestBody body, EventEnvelopeReader reader, ClipStarter starter, ILogger logger, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await body.ReadAsync(request, mediaTypes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var source = request.Path.StartsWithSegments(EventBridgeRoute, StringComparison.OrdinalIgnoreCase) ? "eventbridge" : "eventgrid";
        var outcomes = reader.Read(bytes);
        var invalid = outcomes.OfType<EventInvalid>().SelectMany(e => e.Problems).ToList();

        // Workflow inputs are built for every request before any starts, so a bad one stops the whole body.
        var starts = new List<(ClipWorkflowInput Input, EnvelopeKind Kind)>();
        foreach (var requested in outcomes.OfType<ClipRequested>())
        {
            try
            {
                starts.Add((starter.ToWorkflowInput(requested.Request), requested.Kind));
            }
            catch (ClipRequestValidationException bad)
            {
                invalid.AddRange(bad.Problems);
            }
        }

        if (invalid.Count > 0)
        {
            HostLogs.RequestRejected(logger, source, string.Join("; ", invalid));
            return Problems.BadRequest(invalid);
        }

        if (outcomes.OfType<ValidationHandshake>().FirstOrDefault() is { } handshake)
        {
            HostLogs.ValidationHandshake(logger, handshake.EventId);
            return TypedResults.Ok(new JsonObject { ["validationResponse"] = handshake.ValidationCode });
        }

        var started = new JsonArray();
        var existing = new JsonArray();
        foreach (var (input, kind) in starts)
        {
            var result = await starter.StartAsync(input, KindName(kind), cancellationToken);
            (result.Created ? started : existing).Add(input.ClipId);
        }

        var ignored = new JsonArray();
        foreach (var skip in outcomes.OfType<EventIgnored>())
        {
            HostLogs.EventIgnored(logger, source, skip.EventId, skip.EventType, skip.Reason);
            ignored.Add(new JsonObject { ["eventId"] = skip.EventId, ["eventType"] = skip.EventType, ["reason"] = skip.Reason });
        }

        return TypedResults.Ok(new JsonObject { ["started"] = started, ["existing"] = existing, ["ignored"] = ignored });
    }

    private static string KindName(EnvelopeKind kind) => kind switch
    {
        EnvelopeKind.EventBridge => "eventbridge",
        EnvelopeKind.EventGrid => "eventgrid",
        EnvelopeKind.CloudEvent => "cloudevents",
        EnvelopeKind.EventGridBridgedEventBridge => "eventgrid-bridged-eventbridge",
        _ => "event",
    };
}
