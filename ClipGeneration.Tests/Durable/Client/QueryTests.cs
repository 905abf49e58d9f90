using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Client;

public sealed class QueryTests
{
    [Fact]
    public async Task Query_StatusPrefixAndPaging_ReturnsEachMatchOnce()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string, string>("Quick", (_, s) => Task.FromResult(s))
                .AddOrchestrator<string?, string>("Hold", async (context, _) => await context.WaitForExternalEvent<string>("Go")),
            o => o.TimeProvider = clock);
        for (var i = 0; i < 5; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", "x", $"clip-{i}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Hold", null, "other-1");
        for (var i = 0; i < 5; i++)
        {
            await host.WaitForCompletionAsync($"clip-{i}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await host.Client.QueryInstancesAsync(new InstanceQuery
            {
                InstanceIdPrefix = "clip-",
                RuntimeStatus = [OrchestrationRuntimeStatus.Completed],
                PageSize = 2,
                ContinuationToken = token,
            });
            Assert.True(page.Instances.Count <= 2);
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(["clip-0", "clip-1", "clip-2", "clip-3", "clip-4"], seen);
        var running = await host.Client.QueryInstancesAsync(new InstanceQuery { RuntimeStatus = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running] });
        Assert.Equal("other-1", Assert.Single(running.Instances).InstanceId);
        var created = await host.Client.QueryInstancesAsync(new InstanceQuery
        {
            CreatedFrom = clock.GetUtcNow() - TimeSpan.FromSeconds(3.5),
            CreatedTo = clock.GetUtcNow() - TimeSpan.FromSeconds(1.5),
        });
        Assert.Equal(["clip-2", "clip-3"], created.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task Query_ForeignContinuationTokenOrBadPageSize_IsRefused()
    {
        await using var host = await DurableTestHost.StartAsync(_ => { });

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.QueryInstancesAsync(new InstanceQuery { ContinuationToken = "not-ours" }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.QueryInstancesAsync(new InstanceQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.QueryInstancesAsync(new InstanceQuery { PageSize = 1001 }));
    }
}
