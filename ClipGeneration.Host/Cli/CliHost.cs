using ClipGeneration.Durable.Hosting;
using ClipGeneration.Host.Composition;
using ClipGeneration.Host.Configuration;
using ClipGeneration.Host.Observability;

namespace ClipGeneration.Host.Cli;

/// <summary>
/// The embedded engine for one command: settings from the repository's configuration and <c>--data</c>, the host's
/// services, and the engine started on <c>&lt;data&gt;/durable.db</c>. Disposing stops the engine gracefully.
/// </summary>
/// <remarks>
/// Because the engine's history is in the data directory, a command killed half-way is finished by the next command
/// on the same <c>--data</c> (a <c>clip</c> with the same <c>--id</c>, or <c>serve</c>) without redoing finished steps.
/// Logs go to standard error at warning level, so progress bars and results stay readable.
/// </remarks>
public sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TelemetryExport? _telemetry;

    private CliHost(ClipHostSettings settings, ServiceProvider services, TelemetryExport? telemetry)
    {
        Settings = settings;
        _services = services;
        _telemetry = telemetry;
    }

    public ClipHostSettings Settings { get; }

    public IServiceProvider Services => _services;

    /// <summary>Reads the settings (throws <see cref="HostConfigurationException"/> listing every problem).</summary>
    public static ClipHostSettings LoadSettings(string? dataDirectory)
    {
        var root = RepositoryRootLocator.LocateForProcess();
        return ClipHostSettings.Load(ClipHostConfiguration.Build(root, environment: null, dataDirectory), Directory.GetCurrentDirectory());
    }

    /// <summary>Builds the services and starts the engine.</summary>
    public static async Task<CliHost> StartAsync(ClipHostSettings settings, ClipWorkflowComposition? workflow = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddClipConsole(settings, LogLevel.Warning));
        collection.AddClipHost(settings, workflow ?? ClipWorkflowComposition.ClipWorkflow);
        var services = collection.BuildServiceProvider();
        var telemetry = TelemetryExport.StartIfConfigured("clipgen", services.GetRequiredService<ILogger<CliHost>>());
        await services.GetRequiredService<DurableEngine>().StartAsync();
        return new CliHost(settings, services, telemetry);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<DurableEngine>().StopAsync();
        await _services.DisposeAsync();
        _telemetry?.Dispose();
    }
}
