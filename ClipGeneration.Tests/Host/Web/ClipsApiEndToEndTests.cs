using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClipGeneration.Tests.Host.Web;

/// <summary>The clip routes over real HTTP on loopback: start, poll Durable's status URI, read the record, fetch the file.</summary>
public sealed class ClipsApiEndToEndTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task PostClip_ValidRequest_RunsToProcessedAndServesAnMp4()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("http-clip-1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("http-clip-1", (string?)payload["id"]);
        var statusUri = (string)payload["statusQueryGetUri"]!;
        Assert.Equal(new Uri(statusUri), response.Headers.Location);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.StartsWith(host.BaseUrl + "runtime/webhooks/durabletask/instances/http-clip-1", statusUri, StringComparison.Ordinal);
        foreach (var name in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri" })
        {
            Assert.StartsWith(host.BaseUrl + "runtime/webhooks/durabletask/instances/http-clip-1", (string)payload[name]!, StringComparison.Ordinal);
        }

        var status = await host.PollUntilDoneAsync(statusUri);
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        Assert.Equal("http-clip-1", (string?)status["input"]!["clipId"]);

        var record = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/api/clips/http-clip-1"));
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        var clip = (await record.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("processed", (string?)clip["status"]);
        Assert.True((long)clip["output"]!["sizeBytes"]! > 0);
        Assert.NotEmpty(clip["statusHistory"]!.AsArray());
        var fileUrl = (string)clip["file"]!["url"]!;

        using var file = await host.Client.SendAsync(host.Request(HttpMethod.Get, fileUrl));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("video/mp4", file.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, await file.Content.ReadAsByteArrayAsync());
        try
        {
            await FfprobeCheck.AssertIsMp4Async(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task PostClip_SameClipIdTwice_OneInstanceAndTheSameStatusUri()
    {
        using var first = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("http-dup"));
        using var second = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("http-dup"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await host.Durable.QueryInstancesAsync(new() { InstanceIdPrefix = "http-dup" });
        Assert.Single(page.Instances);
    }

    [Fact]
    public async Task ListClips_StatusAndTop_FiltersAndPages()
    {
        using var started = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("http-list-1"));
        await host.PollUntilDoneAsync(started.Headers.Location!.ToString());

        using var response = await host.SendAsync(HttpMethod.Get, "/api/clips?status=processed&top=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var item = Assert.Single(page["items"]!.AsArray());
        Assert.Equal("processed", (string?)item!["status"]);
    }

    [Fact]
    public async Task GetClip_Unknown_Answers404ProblemDetails()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/clips/never-made");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("never-made", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
