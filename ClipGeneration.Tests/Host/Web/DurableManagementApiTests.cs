using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClipGeneration.Tests.Host.Web;

/// <summary>Durable's management routes on the embedded engine, over real HTTP.</summary>
public sealed class DurableManagementApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";

    [Fact]
    public async Task GetInstance_ShowHistory_ReturnsDurableShapedHistory()
    {
        await StartAndFinishAsync("mgmt-history");

        using var response = await host.SendAsync(HttpMethod.Get, $"{Instances}/mgmt-history?showHistory=true&showHistoryOutput=true&showInput=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(status["input"]);
        Assert.Equal("ClipGenerationOrchestrator", (string?)status["name"]);
        Assert.NotNull(status["createdTime"]);
        var types = status["historyEvents"]!.AsArray().Select(e => (string)e!["EventType"]!).ToList();
        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Contains("TaskCompleted", types);
        Assert.Equal("ExecutionCompleted", types[^1]);
        var completed = status["historyEvents"]!.AsArray().First(e => (string)e!["EventType"]! == "TaskCompleted")!;
        Assert.NotNull(completed["Result"]);
        Assert.NotNull(completed["ScheduledTime"]);
    }

    [Fact]
    public async Task ListInstances_TopOne_PagesWithTheContinuationHeader()
    {
        await StartAndFinishAsync("mgmt-page-a");
        await StartAndFinishAsync("mgmt-page-b");

        using var first = await host.SendAsync(HttpMethod.Get, $"{Instances}?instanceIdPrefix=mgmt-page-&top=1&runtimeStatus=Completed,Failed");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single((await first.Content.ReadFromJsonAsync<JsonArray>())!);
        var token = Assert.Single(first.Headers.GetValues("x-ms-continuation-token"));
        using var request = host.Request(HttpMethod.Get, $"{Instances}?instanceIdPrefix=mgmt-page-&top=1&runtimeStatus=Completed,Failed");
        request.Headers.Add("x-ms-continuation-token", token);
        using var second = await host.Client.SendAsync(request);

        var page = (await second.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal("mgmt-page-b", (string?)Assert.Single(page)!["instanceId"]);
    }

    [Fact]
    public async Task TerminateRaisePurge_FinishedInstance_AnswerGoneThenPurge()
    {
        await StartAndFinishAsync("mgmt-purge");

        using var terminate = await host.SendAsync(HttpMethod.Post, $"{Instances}/mgmt-purge/terminate?reason=test");
        using var raise = await host.SendAsync(HttpMethod.Post, $"{Instances}/mgmt-purge/raiseEvent/go", "{}");
        using var purge = await host.SendAsync(HttpMethod.Delete, $"{Instances}/mgmt-purge");
        using var after = await host.SendAsync(HttpMethod.Get, $"{Instances}/mgmt-purge");

        Assert.Equal(HttpStatusCode.Gone, terminate.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, raise.StatusCode);
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(1, (int)(await purge.Content.ReadFromJsonAsync<JsonObject>())!["instancesDeleted"]!);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task UnknownInstance_EveryRoute_Answers404()
    {
        using var get = await host.SendAsync(HttpMethod.Get, $"{Instances}/mgmt-nobody");
        using var terminate = await host.SendAsync(HttpMethod.Post, $"{Instances}/mgmt-nobody/terminate");
        using var raise = await host.SendAsync(HttpMethod.Post, $"{Instances}/mgmt-nobody/raiseEvent/go", "{}");
        using var purge = await host.SendAsync(HttpMethod.Delete, $"{Instances}/mgmt-nobody");

        Assert.All([get, terminate, raise, purge], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    private async Task StartAndFinishAsync(string clipId)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson(clipId));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await host.PollUntilDoneAsync(response.Headers.Location!.ToString());
    }
}
