using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Serialization;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Client;

public sealed class ScheduleTests
{
    private static void Register(ClipGeneration.Core.Orchestration.OrchestrationRegistry r) => r
        .AddOrchestrator<string?, string>("Hold", async (context, _) => await context.WaitForExternalEvent<string>("Go"))
        .AddOrchestrator<string, string>("Quick", (_, s) => Task.FromResult(s));

    [Fact]
    public async Task Schedule_SameIdWhileRunning_ReturnsTheExistingInstance()
    {
        await using var host = await DurableTestHost.StartAsync(Register);

        var first = await host.Client.TryScheduleNewOrchestrationInstanceAsync("Hold", null, "clip-1");
        var second = await host.Client.TryScheduleNewOrchestrationInstanceAsync("Hold", null, "clip-1");
        await host.Client.RaiseEventAsync("clip-1", "Go", "done");
        await host.WaitForCompletionAsync("clip-1");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("clip-1", second.InstanceId);
        Assert.Equal(1, (await host.Client.HistoryAsync("clip-1")).Count(HistoryEventType.ExecutionStarted));
    }

    [Fact]
    public async Task Schedule_TwentyConcurrentWithOneId_CreatesExactlyOneInstance()
    {
        await using var host = await DurableTestHost.StartAsync(Register);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => host.Client.TryScheduleNewOrchestrationInstanceAsync("Quick", $"input-{i}", "same-clip"))));
        var done = await host.WaitForCompletionAsync("same-clip");

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal("same-clip", r.InstanceId));
        Assert.Equal(1, (await host.Client.HistoryAsync("same-clip")).Count(HistoryEventType.ExecutionStarted));
        Assert.Equal(done.ReadInputAs<string>(), done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Schedule_SameIdAfterCompletion_DefaultKeepsTheFinishedInstance()
    {
        await using var host = await DurableTestHost.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", "first", "clip-done");
        await host.WaitForCompletionAsync("clip-done");

        var again = await host.Client.TryScheduleNewOrchestrationInstanceAsync("Quick", "second", "clip-done");

        Assert.False(again.Created);
        var status = await host.Client.GetInstanceAsync("clip-done", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("first", status.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Schedule_SameIdAfterCompletionWithRestartOption_RunsItAgain()
    {
        await using var host = await DurableTestHost.StartAsync(Register, o => o.RestartTerminalInstances = true);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", "first", "clip-again");
        await host.WaitForCompletionAsync("clip-again");

        var again = await host.Client.TryScheduleNewOrchestrationInstanceAsync("Quick", "second", "clip-again");
        var done = await host.WaitForCompletionAsync("clip-again");

        Assert.True(again.Created);
        Assert.Equal("second", done.ReadOutputAs<string>());
        Assert.Equal(1, (await host.Client.HistoryAsync("clip-again")).Count(HistoryEventType.ExecutionStarted));
    }

    [Fact]
    public async Task Schedule_InputOverPayloadLimit_IsRefusedWithAdviceToPassKeys()
    {
        await using var host = await DurableTestHost.StartAsync(Register, o => o.MaxPayloadBytes = 64 * 1024);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", new string('x', 100_000), "too-big"));

        Assert.Contains("pass references (keys), not bytes", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("too-big"));
    }

    [Fact]
    public async Task RaiseEvent_PayloadOverLimit_IsRefusedAndNotDelivered()
    {
        await using var host = await DurableTestHost.StartAsync(Register, o => o.MaxPayloadBytes = 4 * 1024);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Hold");

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => host.Client.RaiseEventAsync(id, "Go", new string('y', 10_000)));
        await host.Client.RaiseEventAsync(id, "Go", "small");

        Assert.Contains("event 'Go'", error.Message, StringComparison.Ordinal);
        Assert.Equal("small", (await host.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Schedule_BlankInstanceId_IsRefused(string instanceId)
    {
        await using var host = await DurableTestHost.StartAsync(Register);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", "x", instanceId));
    }

    [Fact]
    public async Task Schedule_UnregisteredOrchestrator_FailsTheInstanceNamingIt()
    {
        await using var host = await DurableTestHost.StartAsync(Register);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Missing");
        var done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("No orchestrator named 'Missing'", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
