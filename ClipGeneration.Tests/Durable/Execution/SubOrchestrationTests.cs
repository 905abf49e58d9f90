using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Execution;

public sealed class SubOrchestrationTests
{
    [Fact]
    public async Task CallSubOrchestrator_ChildCompletes_ParentGetsItsOutput()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<int, int>("Parent", async (context, n) =>
                await context.CallSubOrchestratorAsync<int>("Child", n, new SubOrchestrationOptions(InstanceId: "child-of-parent")) + 1)
            .AddOrchestrator<int, int>("Child", async (context, n) => await context.CallActivityAsync<int>("Double", n))
            .AddActivity<int, int>("Double", n => n * 2));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 20);
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(41, done.ReadOutputAs<int>());
        var child = await host.Client.GetInstanceAsync("child-of-parent", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(40, child.ReadOutputAs<int>());
        var history = await host.Client.HistoryAsync(id);
        var created = history.Single(e => e.EventType == HistoryEventType.SubOrchestrationInstanceCreated);
        Assert.Equal(created.EventId, history.Single(e => e.EventType == HistoryEventType.SubOrchestrationInstanceCompleted).TaskScheduledId);
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildFails_ParentSeesTaskFailedExceptionWithChildDetails()
    {
        await using var host = await DurableTestHost.StartAsync(r => r
            .AddOrchestrator<string?, string>("Parent", async (context, _) =>
            {
                try
                {
                    return await context.CallSubOrchestratorAsync<string>("Child");
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails.ErrorMessage;
                }
            })
            .AddOrchestrator<string?, string>("Child", (_, _) => throw new InvalidOperationException("child broke")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal("child broke", done.ReadOutputAs<string>());
    }
}
