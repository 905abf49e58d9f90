using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable;

/// <summary>Waiting helpers: every wait has a deadline, so a broken engine fails a test instead of hanging it.</summary>
internal static class DurableTestExtensions
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<OrchestrationMetadata> WaitForCompletionAsync(this DurableClient client, string instanceId)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public static Task<OrchestrationMetadata> WaitForCompletionAsync(this DurableTestHost host, string instanceId)
        => host.Client.WaitForCompletionAsync(instanceId);

    public static async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(this DurableClient client, string instanceId)
        => (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, getHistory: true))?.History
           ?? throw new InvalidOperationException($"Instance '{instanceId}' does not exist.");

    /// <summary>Polls the instance's history (short interval, with a deadline) until <paramref name="condition"/> holds.</summary>
    public static async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(
        this DurableClient client, string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        var history = await Eventually.UntilAsync(
            () => client.HistoryAsync(instanceId),
            condition,
            $"the history of '{instanceId}' to reach the expected state");
        return history;
    }

    public static int Count(this IReadOnlyList<HistoryEvent> history, HistoryEventType type)
        => history.Count(e => e.EventType == type);
}

/// <summary>Polls a condition with a short interval and a deadline: the test-side "wait for a state", never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + DurableTestExtensions.Deadline;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {DurableTestExtensions.Deadline} waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what)
        => UntilAsync(() => Task.FromResult(condition()), static ok => ok, what);
}
