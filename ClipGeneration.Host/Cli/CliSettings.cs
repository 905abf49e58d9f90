using ClipGeneration.Host.Configuration;

namespace ClipGeneration.Host.Cli;

/// <summary>Loads settings for a verb, turning configuration problems into one message and <see cref="ExitCodes.BadInput"/>.</summary>
public static class CliSettings
{
    public static async Task<ClipHostSettings?> LoadAsync(CliContext context, string verb, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return CliHost.LoadSettings(dataDirectory);
        }
        catch (Exception problem) when (problem is HostConfigurationException or InvalidDataException)
        {
            await context.Error.WriteLineAsync($"clipgen {verb}: {problem.Message}");
            return null;
        }
    }
}
