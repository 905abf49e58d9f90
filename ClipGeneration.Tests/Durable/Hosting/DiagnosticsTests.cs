using System.Collections.Concurrent;
using System.Diagnostics;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Testing;

namespace ClipGeneration.Tests.Durable.Hosting;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task Activity_WhenRun_StartsASpanTaggedWithTheInstanceId()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DurableDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var observer = new RecordingObserver();
        await using var host = await DurableTestHost.StartAsync(
            r => r
                .AddOrchestrator<string, string>("Traced", (context, s) => context.CallActivityAsync<string>("Echo", s))
                .AddActivity<string, string>("Echo", s => s),
            o => o.Observer = observer);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Traced", "x", "traced-instance");
        await host.WaitForCompletionAsync(id);

        // The span stops when the activity's worker returns, which can be just after the instance completes.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!spans.Any(s => (string?)s.GetTagItem(DurableDiagnostics.InstanceIdTag) == "traced-instance") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        var span = Assert.Single(spans, s => (string?)s.GetTagItem(DurableDiagnostics.InstanceIdTag) == "traced-instance");
        Assert.Equal("Echo", span.GetTagItem(DurableDiagnostics.ActivityNameTag));
        var started = Assert.Single(observer.Started);
        Assert.Equal(("Echo", "traced-instance", 1), (started.Name, started.InstanceId, started.Attempt));
    }
}
