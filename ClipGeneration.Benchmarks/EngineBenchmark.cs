using System.Diagnostics;
using System.Globalization;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Benchmarks;

/// <summary>
/// <c>./bench.sh engine [--count N]</c>: no-op activities through the durable engine on a SQLite file (not in memory),
/// as a sequential chain and as one fan-out, printing activities per second. Targets on 2 cores: >= 300/s sequential,
/// >= 1,000/s fan-out.
/// </summary>
public static class EngineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = 1000;
        if (args.Length == 2 && args[0] == "--count" && int.TryParse(args[1], CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            count = parsed;
        }
        else if (args.Length != 0)
        {
            await Console.Error.WriteLineAsync("usage: ./bench.sh engine [--count N]");
            return 2;
        }

        var sequential = await MeasureAsync("Chain", count);
        var fanOut = await MeasureAsync("FanOut", count);
        Console.WriteLine($"engine sequential: {count} activities in {sequential.TotalSeconds:F2} s = {count / sequential.TotalSeconds:F0} activities/s (target >= 300)");
        Console.WriteLine($"engine fan-out:    {count} activities in {fanOut.TotalSeconds:F2} s = {count / fanOut.TotalSeconds:F0} activities/s (target >= 1000)");
        return 0;
    }

    private static async Task<TimeSpan> MeasureAsync(string orchestrator, int count)
    {
        var directory = Directory.CreateTempSubdirectory("engine-bench-");
        try
        {
            var registry = new OrchestrationRegistry()
                .AddOrchestrator("Chain", () => new Chain())
                .AddOrchestrator("FanOut", () => new FanOut())
                .AddActivity("Noop", () => new Noop());
            var options = new DurableEngineOptions
            {
                DatabasePath = Path.Combine(directory.FullName, "bench.db"),
                MaxConcurrentActivityFunctions = 32,
            };
            await using var engine = new DurableEngine(registry, options);
            await engine.StartAsync();
            var stopwatch = Stopwatch.StartNew();
            var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, count);
            var done = await engine.Client.WaitForInstanceCompletionAsync(id);
            stopwatch.Stop();
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != count)
            {
                throw new InvalidOperationException($"{orchestrator} ended {done.RuntimeStatus} with output {done.SerializedOutput}: {done.FailureDetails?.ErrorMessage}");
            }

            return stopwatch.Elapsed;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class Chain : Orchestrator<int, int>
    {
        public override async Task<int> RunAsync(OrchestrationContext context, int input)
        {
            var total = 0;
            for (var i = 0; i < input; i++)
            {
                total += await context.CallActivityAsync<int>("Noop", 1);
            }

            return total;
        }
    }

    private sealed class FanOut : Orchestrator<int, int>
    {
        public override async Task<int> RunAsync(OrchestrationContext context, int input)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, input).Select(_ => context.CallActivityAsync<int>("Noop", 1)));
            return results.Sum();
        }
    }

    private sealed class Noop : Activity<int, int>
    {
        public override Task<int> RunAsync(ClipGeneration.Core.Orchestration.ActivityContext context, int input) => Task.FromResult(input);
    }
}
