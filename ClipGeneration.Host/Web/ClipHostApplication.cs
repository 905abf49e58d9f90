using ClipGeneration.Host.Apis;
using ClipGeneration.Host.Composition;
using ClipGeneration.Host.Configuration;
using ClipGeneration.Host.Observability;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ClipGeneration.Host.Web;

/// <summary>
/// Builds the local host's web app: Kestrel on 127.0.0.1, the clip routes, Durable's management API, the event
/// webhooks, <c>/health</c> and the dashboard page, all on the embedded engine.
/// </summary>
/// <remarks>
/// Port 0 picks a free port (tests); <see cref="ListeningUrl"/> tells which. Unhandled errors answer 500 problem
/// details without internals; the log has the exception. The engine starts and stops with the app.
/// </remarks>
public static class ClipHostApplication
{
    public const int DefaultPort = 7071;

    public static WebApplication Build(ClipHostSettings settings, int port, ClipWorkflowComposition? workflow = null, LogLevel minimumLogLevel = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(settings.Configuration);
        builder.Logging.AddClipConsole(settings, minimumLogLevel);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes + 1);
        builder.Services.AddProblemDetails();
        builder.Services.AddClipHost(settings, workflow ?? ClipWorkflowComposition.ClipWorkflow);
        builder.Services.AddHostedService<DurableEngineService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapClipsApi();
        app.MapDurableManagementApi();
        app.MapEventWebhooks();
        if (settings.ApiKeys.Count == 0)
        {
            HostLogs.NoApiKeys(app.Logger);
        }

        return app;
    }

    /// <summary>The address Kestrel listens on once started (with the real port when 0 was asked for).</summary>
    public static Uri ListeningUrl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
