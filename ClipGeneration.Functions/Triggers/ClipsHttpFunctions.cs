using System.Net;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Requests;
using ClipGeneration.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace ClipGeneration.Functions.Triggers;

/// <summary>The clip API: <c>POST api/clips</c>, <c>GET api/clips/{clipId}</c>, <c>GET api/clips?status=&amp;top=</c>.</summary>
/// <remarks>
/// Bad input answers 400 with problem details listing every problem and starts nothing. Requests over HTTP are
/// never a trusted source: the manifest must be inside the configured allow-list.
/// </remarks>
public sealed class ClipsHttpFunctions
{
    private const int DefaultTop = 50;
    private const int MaxTop = 1000;

    private readonly ClipRequestValidator _validator;
    private readonly IClipRecordStore _records;
    private readonly ClipStartSettings _settings;

    public ClipsHttpFunctions(ClipRequestValidator validator, IClipRecordStore records, ClipStartSettings settings)
    {
        _validator = validator;
        _records = records;
        _settings = settings;
    }

    /// <summary>Starts a clip: 202 with Durable's check-status payload; 200 with it when the clip already exists.</summary>
    [Function("StartClip")]
    public async Task<HttpResponseData> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "clips")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var body = await HttpResponses.ReadBodyAsync(request, context.CancellationToken);
        var result = _validator.Check(body);
        if (result.Request is not { } clip)
        {
            return await HttpResponses.ValidationProblemAsync(request, "The clip request is invalid.", result.Problems);
        }

        var started = await ClipOrchestrationStarter.StartAsync(client, clip, _settings, context.CancellationToken);
        var status = started == ClipStartResult.Started ? HttpStatusCode.Accepted : HttpStatusCode.OK;
        return await client.CreateCheckStatusResponseAsync(request, clip.ClipId, status, context.CancellationToken);
    }

    /// <summary>Reads a clip record (status history, output): 404 when there is none.</summary>
    [Function("GetClip")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clips/{clipId}")] HttpRequestData request,
        string clipId,
        FunctionContext context)
    {
        var record = await _records.GetAsync(clipId, context.CancellationToken);
        return record is null
            ? await HttpResponses.JsonAsync(request, HttpStatusCode.NotFound, new { title = "No such clip.", status = 404, detail = $"There is no clip '{clipId}'." })
            : await HttpResponses.JsonAsync(request, HttpStatusCode.OK, record);
    }

    /// <summary>Lists clip records, newest first, optionally of one status; <c>top</c> 1..1000, default 50.</summary>
    [Function("ListClips")]
    public async Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clips")] HttpRequestData request,
        FunctionContext context)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
        var problems = new List<RequestProblem>();
        ClipStatus? status = null;
        if (query["status"] is { Length: > 0 } statusText)
        {
            if (Enum.TryParse<ClipStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _))
            {
                status = parsed;
            }
            else
            {
                problems.Add(new RequestProblem("status", $"'{statusText}' is not a status: use processing, processed or failed"));
            }
        }

        var top = DefaultTop;
        if (query["top"] is { Length: > 0 } topText && (!int.TryParse(topText, out top) || top is < 1 or > MaxTop))
        {
            problems.Add(new RequestProblem("top", $"'{topText}' is not a number from 1 to {MaxTop}"));
        }

        if (problems.Count > 0)
        {
            return await HttpResponses.ValidationProblemAsync(request, "The query is invalid.", problems);
        }

        // Paging as the Host does it: the continuation token travels in the query (?continuation=...).
        var page = await _records.ListAsync(status, top, query["continuation"], context.CancellationToken);
        return await HttpResponses.JsonAsync(request, HttpStatusCode.OK, page);
    }
}
