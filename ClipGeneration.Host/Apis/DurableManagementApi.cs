using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClipGeneration.Core.Requests;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Serialization;
using ClipGeneration.Host.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClipGeneration.Host.Apis;

/// <summary>
/// Durable Functions' instance management HTTP API under <c>/runtime/webhooks/durabletask</c>, on the embedded engine:
/// get one instance, list instances, terminate, raise an event, purge. Function key required.
/// </summary>
/// <remarks>
/// Status codes follow Durable: an instance 202 while pending or running and 200 once finished, 404 when unknown;
/// terminate and raise-event answer 202, or 410 when the instance already finished; purge 200 with
/// <c>instancesDeleted</c>, 404 when unknown, 409 while it still runs. Malformed query values answer 400 naming them.
/// </remarks>
public static class DurableManagementApi
{
    public const string Prefix = "/runtime/webhooks/durabletask";
    public const string ContinuationHeader = "x-ms-continuation-token";

    public static IEndpointRouteBuilder MapDurableManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix + "/instances").RequireFunctionKey();
        api.MapGet("{instanceId}", GetInstance);
        api.MapGet(string.Empty, ListInstances);
        api.MapPost("{instanceId}/terminate", Terminate);
        api.MapPost("{instanceId}/raiseEvent/{eventName}", RaiseEvent);
        api.MapDelete("{instanceId}", Purge);
        return app;
    }

    public static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> GetInstance(
        string instanceId, HttpRequest request, DurableClient client, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        var showHistory = Flag(request, "showHistory", false, problems);
        var showHistoryOutput = Flag(request, "showHistoryOutput", false, problems);
        var showInput = Flag(request, "showInput", true, problems);
        if (problems.Count > 0)
        {
            return Problems.BadRequest(problems);
        }

        var status = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, getHistory: showHistory, cancellationToken);
        if (status is null)
        {
            return Problems.NotFound($"No orchestration instance with id '{instanceId}' exists.");
        }

        var json = DurableStatusJson.ToJson(status, showInput, showHistoryOutput);
        if (!status.IsTerminal)
        {
            request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}";
            request.HttpContext.Response.Headers.RetryAfter = "2";
        }

        return TypedResults.Json(json, statusCode: status.IsTerminal ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    public static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> ListInstances(
        HttpRequest request, DurableClient client, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        var query = request.Query;
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var text in query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(text, ignoreCase: true, out var status) && !char.IsDigit(text[0]))
            {
                statuses.Add(status);
            }
            else
            {
                problems.Add(new RequestProblem("runtimeStatus", $"'{text}' is not one of {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}"));
            }
        }

        var from = Time(request, "createdTimeFrom", problems);
        var to = Time(request, "createdTimeTo", problems);
        var top = 100;
        var topText = query["top"].ToString();
        if (topText.Length > 0 && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            problems.Add(new RequestProblem("top", $"'{topText}' is not a whole number from 1 to 1000"));
        }

        var showInput = Flag(request, "showInput", false, problems);
        if (problems.Count > 0)
        {
            return Problems.BadRequest(problems);
        }

        var continuation = request.Headers[ContinuationHeader].ToString();
        InstancePage page;
        try
        {
            page = await client.QueryInstancesAsync(
                new InstanceQuery
                {
                    RuntimeStatus = statuses.Count > 0 ? statuses : null,
                    CreatedFrom = from,
                    CreatedTo = to,
                    InstanceIdPrefix = query["instanceIdPrefix"].ToString() is { Length: > 0 } prefix ? prefix : null,
                    PageSize = top,
                    ContinuationToken = continuation.Length > 0 ? continuation : null,
                    FetchInputsAndOutputs = true,
                },
                cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return Problems.BadRequest(ContinuationHeader, invalid.Message);
        }

        if (page.ContinuationToken is not null)
        {
            request.HttpContext.Response.Headers[ContinuationHeader] = page.ContinuationToken;
        }

        return TypedResults.Ok(new JsonArray([.. page.Instances.Select(i => (JsonNode)DurableStatusJson.ToJson(i, showInput))]));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Terminate(
        string instanceId, string? reason, DurableClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.TerminateInstanceAsync(instanceId, reason, cancellationToken)
                ? TypedResults.Accepted((string?)null)
                : Problems.Gone($"Instance '{instanceId}' has already finished; there is nothing to terminate.");
        }
        catch (InstanceNotFoundException missing)
        {
            return Problems.NotFound(missing.Message);
        }
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RaiseEvent(
        string instanceId, string eventName, HttpRequest request, RequestBody body, DurableClient client, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await body.ReadAsync(request, [ClipsApi.JsonMediaType], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(bytes);
        }
        catch (JsonException invalid)
        {
            return Problems.BadRequest("$", $"the event payload is not JSON: {invalid.Message}");
        }

        try
        {
            return await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken)
                ? TypedResults.Accepted((string?)null)
                : Problems.Gone($"Instance '{instanceId}' has already finished; the event was not delivered.");
        }
        catch (InstanceNotFoundException missing)
        {
            return Problems.NotFound(missing.Message);
        }
        catch (PayloadTooLargeException tooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", tooLarge.Message);
        }
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Purge(
        string instanceId, DurableClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.PurgeInstanceAsync(instanceId, cancellationToken)
                ? TypedResults.Ok(new JsonObject { ["instancesDeleted"] = 1 })
                : Problems.NotFound($"No orchestration instance with id '{instanceId}' exists.");
        }
        catch (InvalidOperationException running)
        {
            return Problems.Conflict(running.Message);
        }
    }

    private static bool Flag(HttpRequest request, string name, bool fallback, List<RequestProblem> problems)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!bool.TryParse(text, out var value))
        {
            problems.Add(new RequestProblem(name, $"'{text}' is not true or false"));
            return fallback;
        }

        return value;
    }

    private static DateTimeOffset? Time(HttpRequest request, string name, List<RequestProblem> problems)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            problems.Add(new RequestProblem(name, $"'{text}' is not an ISO-8601 time"));
            return null;
        }

        return value;
    }
}
