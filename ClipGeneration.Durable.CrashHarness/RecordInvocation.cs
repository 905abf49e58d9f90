using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Durable.CrashHarness;

/// <summary>Records "begin i" and "end i" in a file outside the engine, and returns i squared.</summary>
internal sealed class RecordInvocation(InvocationLog log) : Activity<int, int>
{
    public const string Name = "RecordInvocation";

    public override async Task<int> RunAsync(ActivityContext context, int input)
    {
        log.Append($"begin {input}");

        // A little work, so several activities are in flight when the test kills the process.
        await Task.Delay(TimeSpan.FromMilliseconds(40), context.CancellationToken);
        log.Append($"end {input}");
        return input * input;
    }
}
