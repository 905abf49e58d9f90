using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Durable.CrashHarness;

/// <summary>Records "begin i" and "end i" in a file outside the engine, and returns i squared.</summary>
internal sealed class RecordInvocation(InvocationLog log) : Activity<int, int>
{
    public const string Name = "RecordInvocation";

    public override async Task<int> RunAsync(ActivityContext context, int input)
    {
        log.Append($"begin {input}");

        // Some work (about 1.5 s for the whole run), so the test's kills land mid-run with activities in flight.
        await Task.Delay(TimeSpan.FromMilliseconds(150), context.CancellationToken);
        log.Append($"end {input}");
        return input * input;
    }
}
