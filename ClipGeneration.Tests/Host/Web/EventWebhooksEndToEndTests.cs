using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClipGeneration.Tests.Host.Web;

/// <summary>
/// The event webhooks over real HTTP, fed the example envelopes (TestData/events) with their <c>manifest</c> rewritten
/// to the tiny local recording (the examples name s3://recordings/..., which this host would read from S3) and their
/// ranges to offsets inside its 12 s.
/// </summary>
public sealed class EventWebhooksEndToEndTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("eventgrid.json", "/api/events/eventgrid", "application/json", "eg-clip")]
    [InlineData("eventgrid-bridged-eventbridge.json", "/api/events/eventgrid", "application/json", "egbridged-clip")]
    [InlineData("cloudevent.json", "/api/events/eventgrid", "application/cloudevents+json", "ce-clip")]
    [InlineData("eventbridge.json", "/api/events/eventbridge", "application/json", "eb-clip")]
    public async Task Post_BeginClipGeneration_StartsTheClipAndItFinishes(string example, string route, string contentType, string clipId)
    {
        var body = Example(example, clipId);

        using var response = await host.SendAsync(HttpMethod.Post, route, body, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(clipId, (string?)Assert.Single(answer["started"]!.AsArray()));
        var status = await host.PollUntilDoneAsync($"/runtime/webhooks/durabletask/instances/{clipId}");
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        using var record = await host.SendAsync(HttpMethod.Get, $"/api/clips/{clipId}");
        var clip = (await record.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("processed", (string?)clip["status"]);
        Assert.True(File.Exists((string)clip["file"]!["location"]!), "the clip's file is where its record says");
    }

    [Fact]
    public async Task Post_SameEventThreeTimes_StartsOneInstance()
    {
        var body = Example("eventbridge.json", "redelivered-clip");

        using var first = await host.SendAsync(HttpMethod.Post, "/api/events/eventbridge", body);
        using var second = await host.SendAsync(HttpMethod.Post, "/api/events/eventbridge", body);
        using var third = await host.SendAsync(HttpMethod.Post, "/api/events/eventbridge", body);

        Assert.All([first, second, third], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single((await first.Content.ReadFromJsonAsync<JsonObject>())!["started"]!.AsArray());
        Assert.Equal("redelivered-clip", (string?)Assert.Single((await third.Content.ReadFromJsonAsync<JsonObject>())!["existing"]!.AsArray()));
        var page = await host.Durable.QueryInstancesAsync(new() { InstanceIdPrefix = "redelivered-clip" });
        Assert.Single(page.Instances);
    }

    [Fact]
    public async Task Post_SubscriptionValidation_AnswersTheValidationCode()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "events", "eventgrid-subscription-validation.json"));

        using var response = await host.SendAsync(HttpMethod.Post, "/api/events/eventgrid", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (string?)answer["validationResponse"]);
    }

    [Fact]
    public async Task Options_CloudEventsAbuseProtection_AllowsTheOrigin()
    {
        using var request = host.Request(HttpMethod.Options, "/api/events/eventgrid");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        request.Headers.Add("WebHook-Request-Rate", "120");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Rate")));
    }

    [Fact]
    public async Task Post_OtherEventType_IsAcknowledgedAndStartsNothing()
    {
        var node = JsonNode.Parse(Example("cloudevent.json", "not-started-clip"))!;
        node["type"] = "Clip Recommendation Withdrawn";

        using var response = await host.SendAsync(HttpMethod.Post, "/api/events/eventgrid", node.ToJsonString(), "application/cloudevents+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Clip Recommendation Withdrawn", (string?)Assert.Single(answer["ignored"]!.AsArray())!["eventType"]);
        Assert.Null(await host.Durable.GetInstanceAsync("not-started-clip"));
    }

    [Fact]
    public async Task Post_BatchWithOneInvalidEvent_Answers400AndStartsNone()
    {
        var good = JsonNode.Parse(Example("eventgrid.json", "batch-good"))!.AsArray()[0]!.DeepClone();
        var bad = JsonNode.Parse(Example("eventgrid.json", "batch-bad"))!.AsArray()[0]!.DeepClone();
        bad["data"]!["segments"] = new JsonArray();
        var body = new JsonArray(good, bad).ToJsonString();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/events/eventgrid", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[1].data.segments", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await host.Durable.GetInstanceAsync("batch-good"));
        Assert.Null(await host.Durable.GetInstanceAsync("batch-bad"));
    }

    /// <summary>An example envelope with its clip request pointed at the tiny local recording, under a test's own clip id.</summary>
    private string Example(string name, string clipId)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "events", name)))!;
        foreach (var request in Requests(node))
        {
            request["clipId"] = clipId;
            request["manifest"] = host.Manifest;
            request["segments"] = JsonNode.Parse("""[{"startTime": 2, "endTime": 6}]""");
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static IEnumerable<JsonObject> Requests(JsonNode node)
    {
        if (node is JsonArray array)
        {
            return array.SelectMany(e => Requests(e!));
        }

        var item = node.AsObject();
        if (item["detail"] is JsonObject detail)
        {
            return [detail];
        }

        return item["data"] is JsonObject data ? (data["detail"] is JsonObject bridged ? [bridged] : [data]) : [];
    }
}
