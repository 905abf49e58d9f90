using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class SequenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sequence_ThreeActivities_CompletesWithOutputsInOrder(bool extendedSessions)
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string, string>("Greet", async (context, name) =>
            {
                var a = await context.CallActivityAsync<string>("Hello", name);
                var b = await context.CallActivityAsync<string>("Hello", a);
                return await context.CallActivityAsync<string>("Hello", b);
            })
            .AddActivity<string, string>("Hello", input => $"hello {input}"),
            o => o.ExtendedSessionsEnabled = extendedSessions);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "tokyo");
        var done = await host.Client.WaitForInstanceCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("hello hello hello tokyo", done.ReadOutputAs<string>());
    }
}
