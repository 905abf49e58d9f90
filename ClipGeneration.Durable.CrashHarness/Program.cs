using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.CrashHarness;
using ClipGeneration.Durable.Hosting;

// Usage: ClipGeneration.Durable.CrashHarness <database> <invocation-log> <instance-id>
// Runs (or resumes) one "FiftyRecorded" instance to completion and prints its output; exit 0 on Completed.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: ClipGeneration.Durable.CrashHarness <database> <invocation-log> <instance-id>");
    return 2;
}

var log = new InvocationLog(args[1]);
var registry = new OrchestrationRegistry()
    .AddOrchestrator(FiftyRecorded.Name, () => new FiftyRecorded())
    .AddActivity(RecordInvocation.Name, () => new RecordInvocation(log));
var options = new DurableEngineOptions
{
    DatabasePath = args[0],
    LeaseDuration = TimeSpan.FromSeconds(2),
    PollInterval = TimeSpan.FromMilliseconds(100),
    MaxConcurrentActivityFunctions = 4,
};
await using var engine = new DurableEngine(registry, options);
await engine.StartAsync();
var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(FiftyRecorded.Name, null, args[2]);
var done = await engine.Client.WaitForInstanceCompletionAsync(id);
Console.WriteLine($"{done.RuntimeStatus} {done.SerializedOutput}");
return done.RuntimeStatus == ClipGeneration.Durable.Client.OrchestrationRuntimeStatus.Completed ? 0 : 1;
