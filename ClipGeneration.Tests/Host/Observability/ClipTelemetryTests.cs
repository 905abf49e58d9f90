using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using ClipGeneration.Core.Observability;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Tests.Host.Observability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (runs alone: listeners are process-wide)";
}

/// <summary>Metrics and spans for one clip, seen by in-process listeners (no OTLP): what an exporter would receive.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ClipTelemetryTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task OneClip_EmitsClipMetricsAndSpansPerActivityAndFfmpegRun()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value)>();
        var spans = new ConcurrentBag<Activity>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ClipTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Add((instrument.Name, value)));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.Add((instrument.Name, value)));
        meters.Start();
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ClipTelemetry.Name or DurableDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(traces);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("telemetry-clip", segments: """[{"startTime": 1, "endTime": 3}, {"startTime": 6, "endTime": 9}]"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await host.PollUntilDoneAsync(response.Headers.Location!.ToString());
        Assert.Equal("Completed", (string?)status["runtimeStatus"]);
        meters.RecordObservableInstruments();

        // An activity's span stops when its worker returns, which can be just after the instance completes.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!spans.Any(s => (string?)s.GetTagItem(DurableDiagnostics.ActivityNameTag) == "CompleteClipRecord"
            && (string?)s.GetTagItem(DurableDiagnostics.InstanceIdTag) == "telemetry-clip") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(1, measurements.Where(m => m.Instrument == "clips.started").Sum(m => m.Value));
        Assert.Equal(1, measurements.Where(m => m.Instrument == "clips.processed").Sum(m => m.Value));
        Assert.Single(measurements, m => m.Instrument == "clips.processing.duration");
        Assert.Contains(measurements, m => m.Instrument == "ffmpeg.duration" && m.Value > 0);

        var start = Assert.Single(spans, s => s.DisplayName == "clip start" && (string?)s.GetTagItem(ClipTelemetry.InstanceIdTag) == "telemetry-clip");
        Assert.Equal(true, start.GetTagItem("clip.created"));
        var activitySpans = spans.Where(s => s.Source.Name == DurableDiagnostics.ActivitySourceName
            && (string?)s.GetTagItem(DurableDiagnostics.InstanceIdTag) == "telemetry-clip").ToList();
        var activityNames = activitySpans.Select(s => (string?)s.GetTagItem(DurableDiagnostics.ActivityNameTag)).ToList();
        Assert.Contains("CreateClipRecord", activityNames);
        Assert.Equal(2, activityNames.Count(n => n == "ExtractSegment"));
        Assert.Contains("StitchClip", activityNames);
        Assert.Contains("CompleteClipRecord", activityNames);
        var activityIds = activitySpans.Select(s => s.SpanId).ToHashSet();
        Assert.Contains(spans, s => s.DisplayName == "ffmpeg" && activityIds.Contains(s.ParentSpanId));
    }
}
