using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClipGeneration.Tests.Host.Web;

/// <summary>Function keys and bad input over real HTTP: 401 without a key, the right 4xx per bad request, nothing started.</summary>
public sealed class AuthAndBadInputTests(HostFixture host) : IClassFixture<HostFixture>
{
    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "POST", "/api/clips" },
        { "GET", "/api/clips/any" },
        { "GET", "/api/clips" },
        { "GET", "/runtime/webhooks/durabletask/instances/any" },
        { "GET", "/runtime/webhooks/durabletask/instances" },
        { "POST", "/runtime/webhooks/durabletask/instances/any/terminate" },
        { "POST", "/runtime/webhooks/durabletask/instances/any/raiseEvent/go" },
        { "DELETE", "/runtime/webhooks/durabletask/instances/any" },
        { "POST", "/api/events/eventgrid" },
        { "OPTIONS", "/api/events/eventgrid" },
        { "POST", "/api/events/eventbridge" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_WithoutKey_Answers401(string method, string path)
    {
        using var response = await host.SendAsync(new HttpMethod(method), path, host.ClipRequestJson("unauthorized-clip"), withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("x-functions-key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await host.Durable.GetInstanceAsync("unauthorized-clip"));
    }

    [Fact]
    public async Task PostClip_WrongKey_Answers401AndStartsNothing()
    {
        using var request = host.Request(HttpMethod.Post, "/api/clips", host.ClipRequestJson("wrong-key-clip"), withKey: false);
        request.Headers.Add("x-functions-key", HostFixture.ApiKey + "x");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await host.Durable.GetInstanceAsync("wrong-key-clip"));
    }

    [Fact]
    public async Task GetClips_KeyInCodeQuery_IsAccepted()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/clips?code=second-key", withKey: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthAndDashboard_WithoutKey_AreOpen()
    {
        using var health = await host.SendAsync(HttpMethod.Get, "/health", withKey: false);
        using var page = await host.SendAsync(HttpMethod.Get, "/", withKey: false);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", (string?)(await health.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string, string, string?, int, string> BadRequests => new()
    {
        // name, route, content type, body, expected status, text the answer must contain
        { "not json", "/api/clips", "application/json", "{ nope", 400, "not JSON" },
        { "missing fields", "/api/clips", "application/json", """{"clipId": "bad-missing"}""", 400, "manifest" },
        { "bad segment times", "/api/clips", "application/json", """{"clipId": "bad-times", "manifest": "s3://recordings/a.m3u8", "segments": [{"startTime": "soon", "endTime": 5}]}""", 400, "segments[0].startTime" },
        { "end before start", "/api/clips", "application/json", """{"clipId": "bad-order", "manifest": "s3://recordings/a.m3u8", "segments": [{"startTime": 9, "endTime": 5}]}""", 400, "segments[0]" },
        { "bucket not allowed", "/api/clips", "application/json", """{"clipId": "bad-bucket", "manifest": "s3://other/a.m3u8", "segments": [{"startTime": 1, "endTime": 5}]}""", 400, "allow-list" },
        { "path outside media root", "/api/clips", "application/json", """{"clipId": "bad-path", "manifest": "/etc/passwd", "segments": [{"startTime": 1, "endTime": 5}]}""", 400, "manifest" },
        { "unsafe clip id", "/api/clips", "application/json", """{"clipId": "../x", "manifest": "s3://recordings/a.m3u8", "segments": [{"startTime": 1, "endTime": 5}]}""", 400, "clipId" },
        { "unknown mode", "/api/clips", "application/json", """{"clipId": "bad-mode", "manifest": "s3://recordings/a.m3u8", "segments": [{"startTime": 1, "endTime": 5}], "mode": "fast"}""", 400, "mode" },
        { "variant by name", "/api/clips", "application/json", """{"clipId": "bad-variant", "manifest": "s3://recordings/a.m3u8", "segments": [{"startTime": 1, "endTime": 5}], "variant": "hd"}""", 400, "variant" },
        { "empty body", "/api/clips", "application/json", string.Empty, 400, "empty" },
        { "text content type", "/api/clips", "text/plain", """{"clipId": "bad-type"}""", 415, "application/json" },
        { "form content type", "/api/events/eventgrid", "application/x-www-form-urlencoded", "a=b", 415, "application/cloudevents+json" },
        { "too large", "/api/clips", "application/json", "{\"clipId\": \"bad-large\", \"title\": \"" + new string('x', 70_000) + "\"}", 413, "65536" },
        { "event without envelope", "/api/events/eventgrid", "application/json", """{"hello": "world"}""", 400, "detail-type" },
        { "eventbridge without detail", "/api/events/eventbridge", "application/json", """{"version": "0", "id": "1", "detail-type": "Begin Clip Generation", "source": "s"}""", 400, "detail" },
        { "list with bad status", "/api/clips?status=done&top=0", "application/json", null, 400, "top" },
        { "instances with bad filter", "/runtime/webhooks/durabletask/instances?runtimeStatus=Sleeping&createdTimeFrom=yesterday", "application/json", null, 400, "createdTimeFrom" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_AnswersTheRightStatusWithAUsefulMessageAndStartsNothing(string name, string route, string contentType, string? body, int status, string mentions)
    {
        var method = body is null ? HttpMethod.Get : HttpMethod.Post;

        using var response = await host.SendAsync(method, route, body, contentType);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, text, StringComparison.Ordinal);
        var instances = await host.Durable.QueryInstancesAsync(new() { InstanceIdPrefix = "bad-" });
        Assert.Empty(instances.Instances);
    }

    [Fact]
    public async Task PostClip_OverTheSizeLimit_Answers413WithConnectionCloseAndTheNextRequestWorks()
    {
        var body = "{\"clipId\": \"too-large\", \"title\": \"" + new string('x', 2_000_000) + "\"}";

        using var tooLarge = await host.SendAsync(HttpMethod.Post, "/api/clips", body);
        using var next = await host.SendAsync(HttpMethod.Post, "/api/clips", string.Empty);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.True(tooLarge.Headers.ConnectionClose, "a 413 whose body was not read must say Connection: close");
        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
    }

    [Fact]
    public async Task PostClip_SeveralBadFields_ListsEveryOneInErrors()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/clips", """{"clipId": "", "manifest": 5, "segments": [{"startTime": "x"}], "mode": "slow"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("clipId", fields);
        Assert.Contains("manifest", fields);
        Assert.Contains("segments[0].startTime", fields);
        Assert.Contains("segments[0].endTime", fields);
        Assert.Contains("mode", fields);
    }
}
