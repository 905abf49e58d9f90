using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClipGeneration.Core.Observability;

/// <summary>
/// The service's metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>, so an exporter (OTLP in the hosts) or a test listener subscribes by that one name.
/// </summary>
/// <remarks>
/// Instruments are static because System.Diagnostics.Metrics aggregates by meter and instrument name; a second
/// instance would report the same series twice. Tags use the OpenTelemetry style (lower case, dotted).
/// </remarks>
public static class ClipTelemetry
{
    public const string Name = "ClipGeneration";

    public const string InstanceIdTag = "clip.instance_id";
    public const string StepTag = "clip.step";
    public const string ModeTag = "clip.mode";
    public const string ActivityNameTag = "durable.activity";

    public static readonly ActivitySource Source = new(Name, "1.0.0");

    private static readonly Meter Meter = new(Name, "1.0.0");

    public static readonly Counter<long> ClipsStarted = Meter.CreateCounter<long>("clips.started", "{clip}", "Clip generations started (first delivery of a clip id).");

    public static readonly Counter<long> ClipsProcessed = Meter.CreateCounter<long>("clips.processed", "{clip}", "Clips that ended processed.");

    public static readonly Counter<long> ClipsFailed = Meter.CreateCounter<long>("clips.failed", "{clip}", "Clips that ended failed, tagged with the failed step.");

    public static readonly Histogram<double> ProcessingDuration = Meter.CreateHistogram<double>("clips.processing.duration", "s", "Seconds from the request to the processed clip.");

    public static readonly Histogram<double> FfmpegDuration = Meter.CreateHistogram<double>("ffmpeg.duration", "s", "Seconds spent in one ffmpeg/ffprobe run, tagged with the step (extract, stitch, probe).");

    public static readonly Counter<long> ActivityRetries = Meter.CreateCounter<long>("activity.retries", "{retry}", "Activity attempts that failed and were scheduled again.");
}
