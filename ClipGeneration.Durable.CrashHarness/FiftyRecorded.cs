using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Durable.CrashHarness;

/// <summary>Fifty activities in ten parallel batches of five; the output is the sum of their squares (40425).</summary>
internal sealed class FiftyRecorded : Orchestrator<object?, int>
{
    public const string Name = "FiftyRecorded";

    public override async Task<int> RunAsync(OrchestrationContext context, object? input)
    {
        var total = 0;
        for (var batch = 0; batch < 10; batch++)
        {
            var calls = Enumerable.Range(batch * 5, 5).Select(i => context.CallActivityAsync<int>(RecordInvocation.Name, i));
            total += (await Task.WhenAll(calls)).Sum();
        }

        return total;
    }
}
