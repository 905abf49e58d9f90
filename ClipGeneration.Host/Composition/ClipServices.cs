using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Requests.Events;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Host.Clips;
using ClipGeneration.Host.Configuration;
using ClipGeneration.Host.Observability;
using ClipGeneration.Host.Web;

namespace ClipGeneration.Host.Composition;

/// <summary>Registers everything the host runs: settings, stores, request readers, the durable engine and its client.</summary>
/// <remarks>
/// One container serves the web app, the engine's activity factories and the command line, so an activity and an
/// HTTP handler see the same record store. The engine is created on first use and disposed with the container;
/// starting it is the caller's business (<see cref="DurableEngineService"/> for the web app, the CLI verbs themselves).
/// </remarks>
public static class ClipServices
{
    public static IServiceCollection AddClipHost(this IServiceCollection services, ClipHostSettings settings, ClipWorkflowComposition workflow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(workflow);
        Directory.CreateDirectory(settings.DataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(new FunctionKeys(settings.ApiKeys));
        services.AddSingleton<FunctionKeyFilter>();
        services.AddSingleton(new RequestBody(settings.MaxRequestBodyBytes));
        services.AddSingleton(new ClipRequestValidator(settings.Requests));
        services.AddSingleton(sp => new EventEnvelopeReader(sp.GetRequiredService<ClipRequestValidator>()));
        services.AddSingleton(settings.Storage);
        services.AddSingleton<IMediaStore>(_ => ClipStorageFactory.CreateMediaStore(settings.Storage));
        services.AddSingleton(_ => ClipStorageFactory.CreateRecordStore(settings.Storage));
        workflow.AddServices(services, settings.Configuration);

        services.AddSingleton(sp =>
        {
            var registry = new OrchestrationRegistry();
            workflow.Register(registry);
            var options = new DurableEngineOptions
            {
                DatabasePath = settings.DurableDatabasePath,
                HubName = settings.HubName,
                MaxConcurrentActivityFunctions = settings.MaxConcurrentActivityFunctions,
                MaxConcurrentOrchestratorFunctions = settings.MaxConcurrentOrchestratorFunctions,
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
                Services = sp,
                Observer = new DurableTelemetryObserver(sp.GetRequiredService<ILogger<DurableTelemetryObserver>>()),
            };
            if (settings.LeaseDuration is { } lease)
            {
                options.LeaseDuration = lease;
            }

            return new DurableEngine(registry, options);
        });
        services.AddSingleton<DurableClient>(sp => sp.GetRequiredService<DurableEngine>().Client);
        services.AddSingleton(sp => new ClipStarter(
            sp.GetRequiredService<DurableClient>(), settings.OutputLocation, settings.SegmentConcurrency, sp.GetRequiredService<ILogger<ClipStarter>>()));
        return services;
    }
}

/// <summary>Starts the engine with the web app and stops it (gracefully) before the container disposes it.</summary>
public sealed class DurableEngineService(DurableEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
