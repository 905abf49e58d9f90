using ClipGeneration.Core.Observability;
using ClipGeneration.Durable.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClipGeneration.Host.Observability;

/// <summary>
/// OpenTelemetry export over OTLP, on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: metrics from the
/// "ClipGeneration" meter, traces from the "ClipGeneration" and "ClipGeneration.Durable" sources.
/// </summary>
/// <remarks>
/// Built with <c>Sdk.Create*ProviderBuilder</c> (the hosting extensions package is not available here); the exporter
/// reads the standard OTEL_* variables (endpoint, protocol, headers). Dispose flushes and stops both providers.
/// </remarks>
public sealed class TelemetryExport : IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracers;

    private TelemetryExport(MeterProvider meters, TracerProvider tracers)
    {
        _meters = meters;
        _tracers = tracers;
    }

    /// <summary>Starts the export when the endpoint variable is set; null otherwise.</summary>
    public static TelemetryExport? StartIfConfigured(string serviceName, ILogger logger)
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var meters = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(ClipTelemetry.Name).AddOtlpExporter().Build();
        var tracers = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource(ClipTelemetry.Name, DurableDiagnostics.ActivitySourceName).AddOtlpExporter().Build();
        HostLogs.OtlpExport(logger, endpoint);
        return new TelemetryExport(meters, tracers);
    }

    public void Dispose()
    {
        _tracers.Dispose();
        _meters.Dispose();
    }
}
