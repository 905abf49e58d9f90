using System.CommandLine;
using ClipGeneration.Host.Observability;
using ClipGeneration.Host.Web;

namespace ClipGeneration.Host.Cli;

/// <summary><c>./clipgen serve [--port P] [--data DIR]</c>: the HTTP host on <c>http://127.0.0.1:7071</c>, like <c>func start</c>; Ctrl+C stops it.</summary>
/// <remarks>
/// Instances left running by an earlier process on the same data directory resume here. A port outside 0..65535 or
/// invalid configuration is bad input (exit 2); a port already in use fails with exit 1 and the server's message.
/// </remarks>
public sealed class ServeCommand : ICliVerb
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default 7071; 0 picks a free one)", DefaultValueFactory = _ => ClipHostApplication.DefaultPort };
        var command = new Command("serve", "Run the HTTP API, event webhooks and dashboard on the embedded engine.");
        command.Options.Add(port);
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(port), parse.GetValue(context.DataOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int port, string? data, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            await context.Error.WriteLineAsync($"clipgen serve: --port {port}: must be 0 to 65535");
            return ExitCodes.BadInput;
        }

        var settings = await CliSettings.LoadAsync(context, "serve", data);
        if (settings is null)
        {
            return ExitCodes.BadInput;
        }

        await using var app = ClipHostApplication.Build(settings, port);
        using var telemetry = TelemetryExport.StartIfConfigured("clipgen-serve", app.Logger);
        await app.StartAsync(cancellationToken);
        var url = app.ListeningUrl();
        HostLogs.Listening(app.Logger, url.ToString(), settings.DataDirectory);
        await context.Output.WriteLineAsync($"clipgen serve: listening on {url} (dashboard: {url}, data: {settings.DataDirectory}); Ctrl+C to stop");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
