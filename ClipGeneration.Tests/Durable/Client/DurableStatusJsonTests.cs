using System.Text.Json.Nodes;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Client;

public sealed class DurableStatusJsonTests
{
    [Fact]
    public async Task ToJson_CompletedWithHistory_HasDurableHttpShape()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string, string[]>("Hello", async (context, city) =>
            {
                context.SetCustomStatus(new { step = "greeting" });
                return [await context.CallActivityAsync<string>("SayHello", city)];
            })
            .AddActivity<string, string>("SayHello", city => $"Hello {city}!"));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Hello", "Tokyo", "hello-1");
        await host.WaitForCompletionAsync(id);
        var status = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, getHistory: true);

        var json = JsonNode.Parse(DurableStatusJson.Serialize(status!, showInput: true, showHistoryOutput: true))!.AsObject();

        Assert.Equal(
            ["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime", "historyEvents"],
            json.Select(p => p.Key));
        Assert.Equal("Hello", (string?)json["name"]);
        Assert.Equal("hello-1", (string?)json["instanceId"]);
        Assert.Equal("Completed", (string?)json["runtimeStatus"]);
        Assert.Equal("Tokyo", (string?)json["input"]);
        Assert.Equal("greeting", (string?)json["customStatus"]!["step"]);
        Assert.Equal("Hello Tokyo!", (string?)json["output"]![0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)json["createdTime"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)json["lastUpdatedTime"]);
        var events = json["historyEvents"]!.AsArray();
        Assert.Equal(["ExecutionStarted", "TaskCompleted", "ExecutionCompleted"], events.Select(e => (string?)e!["EventType"]));
        Assert.Equal("Hello", (string?)events[0]!["FunctionName"]);
        Assert.Equal("SayHello", (string?)events[1]!["FunctionName"]);
        Assert.Equal("Hello Tokyo!", (string?)events[1]!["Result"]);
        Assert.NotNull(events[1]!["ScheduledTime"]);
        Assert.NotNull(events[1]!["Timestamp"]);
        Assert.Equal("Completed", (string?)events[2]!["OrchestrationStatus"]);
    }

    [Fact]
    public async Task ToJson_WithoutHistoryOutput_LeavesResultsOutAndHistoryAbsentWhenNotLoaded()
    {
        await using var host = await DurableTestHost.StartAsync(r => r.AddOrchestrator<string, string>("Echo", (_, s) => Task.FromResult(s)));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x");
        await host.WaitForCompletionAsync(id);

        var withHistory = DurableStatusJson.ToJson((await host.Client.GetInstanceAsync(id, true, true))!, showInput: false);
        var withoutHistory = DurableStatusJson.ToJson((await host.Client.GetInstanceAsync(id, true, false))!);

        Assert.Null(withHistory["input"]);
        Assert.Null(withHistory["historyEvents"]!.AsArray().Last()!["Result"]);
        Assert.False(withoutHistory.ContainsKey("historyEvents"));
    }
}
