using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Durable.Client;
using ClipGeneration.Host.Clips;
using ClipGeneration.Host.Configuration;
using ClipGeneration.Host.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClipGeneration.Host.Apis;

/// <summary>
/// The clip routes: <c>POST /api/clips</c> (start), <c>GET /api/clips/{clipId}</c> (record and file),
/// <c>GET /api/clips?status=&amp;top=</c> (list), <c>GET /api/clips/{clipId}/file</c> (the MP4). All need a function key.
/// </summary>
/// <remarks>
/// Bad input answers problem details and starts nothing: 415 for a non-JSON content type, 413 over the body limit,
/// 400 listing every invalid field, 404 for an unknown clip.
/// </remarks>
public static class ClipsApi
{
    public const string JsonMediaType = "application/json";

    public static IEndpointRouteBuilder MapClipsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clips").RequireFunctionKey();
        api.MapPost(string.Empty, StartClip);
        api.MapGet("{clipId}", GetClip);
        api.MapGet(string.Empty, ListClips);
        api.MapGet("{clipId}/file", GetClipFile);
        return app;
    }

    public static async Task<Results<Accepted<CheckStatusPayload>, ProblemHttpResult>> StartClip(
        HttpRequest request, RequestBody body, ClipRequestValidator validator, ClipStarter starter, ClipHostSettings settings, ILogger<ClipStarter> logger, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await body.ReadAsync(request, [JsonMediaType], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var checkedRequest = validator.Check(bytes, trustedSource: false);
        if (checkedRequest.Request is not { } valid)
        {
            HostLogs.RequestRejected(logger, "http", string.Join("; ", checkedRequest.Problems));
            return Problems.BadRequest(checkedRequest.Problems);
        }

        try
        {
            var input = starter.ToWorkflowInput(valid);
            await starter.StartAsync(input, "http", cancellationToken);
        }
        catch (ClipRequestValidationException invalid)
        {
            HostLogs.RequestRejected(logger, "http", invalid.Message);
            return Problems.BadRequest(invalid.Problems);
        }

        var payload = CheckStatusPayload.For(request, valid.ClipId, settings.HubName);
        request.HttpContext.Response.Headers.RetryAfter = "2";
        return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetClip(
        string clipId, HttpRequest request, IClipRecordStore records, DurableClient client, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(clipId, cancellationToken);
        if (record is not null)
        {
            return TypedResults.Ok(ClipView(record, request));
        }

        // The instance may exist before its first activity has written the record.
        var instance = await client.GetInstanceAsync(clipId, cancellationToken: cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound($"No clip with id '{clipId}' exists.");
        }

        return TypedResults.Ok(new JsonObject
        {
            ["clipId"] = clipId,
            ["status"] = instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated ? "failed" : "processing",
            ["runtimeStatus"] = instance.RuntimeStatus.ToString(),
            ["statusHistory"] = new JsonArray(),
        });
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListClips(
        HttpRequest request, IClipRecordStore records, string? status, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        ClipStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            try
            {
                filter = ClipStatusNames.Parse(status);
            }
            catch (FormatException invalid)
            {
                problems.Add(new RequestProblem("status", invalid.Message));
            }
        }

        var pageSize = 100;
        if (!string.IsNullOrEmpty(top) && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            problems.Add(new RequestProblem("top", $"'{top}' is not a whole number from 1 to 1000"));
        }

        if (problems.Count > 0)
        {
            return Problems.BadRequest(problems);
        }

        ClipRecordPage page;
        try
        {
            page = await records.ListAsync(filter, pageSize, string.IsNullOrEmpty(continuationToken) ? null : continuationToken, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return Problems.BadRequest("continuationToken", invalid.Message);
        }

        var items = new JsonArray([.. page.Items.Select(r => (JsonNode)ClipView(r, request))]);
        return TypedResults.Ok(new JsonObject { ["items"] = items, ["continuationToken"] = page.ContinuationToken });
    }

    public static async Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> GetClipFile(
        string clipId, IClipRecordStore records, IMediaStore media, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(clipId, cancellationToken);
        if (record?.Output is not { } output || !MediaLocation.TryParse(output.Uri, out var location, out _))
        {
            return Problems.NotFound($"Clip '{clipId}' has no finished file (unknown clip, or not processed yet).");
        }

        if (location.Scheme == MediaScheme.S3)
        {
            var url = await media.GetReadUrlAsync(location, TimeSpan.FromMinutes(15), cancellationToken);
            return TypedResults.Redirect(url.ToString());
        }

        try
        {
            var stream = await media.OpenReadAsync(location, range: null, cancellationToken);
            return TypedResults.Stream(stream, "video/mp4", fileDownloadName: location.FileName, enableRangeProcessing: true);
        }
        catch (MediaNotFoundException)
        {
            return Problems.NotFound($"Clip '{clipId}' is recorded as processed but its file {output.Uri} is missing.");
        }
    }

    /// <summary>The record as JSON plus <c>file</c>: the HTTP URL of the finished clip (this host serves it).</summary>
    public static JsonObject ClipView(ClipRecord record, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var json = JsonSerializer.SerializeToNode(record, ClipRecordJson.Options)!.AsObject();
        if (record.Output is { } output)
        {
            json["file"] = new JsonObject
            {
                ["url"] = $"{request.Scheme}://{request.Host}/api/clips/{Uri.EscapeDataString(record.ClipId)}/file",
                ["location"] = output.Uri,
            };
        }

        return json;
    }
}
