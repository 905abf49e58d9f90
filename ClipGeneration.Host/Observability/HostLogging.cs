using ClipGeneration.Host.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace ClipGeneration.Host.Observability;

/// <summary>Console logging for every verb: structured JSON (one object per line) when <c>ClipGeneration:Logging:Json</c> is true, single lines otherwise.</summary>
/// <remarks>Everything goes to standard error, so a verb's results on standard output (tables, JSON) stay clean.</remarks>
public static class HostLogging
{
    public static ILoggingBuilder AddClipConsole(this ILoggingBuilder logging, ClipHostSettings settings, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(settings);
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        if (settings.JsonLogs)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
