using System.Text.Json;

namespace ClipGeneration.Host.Configuration;

/// <summary>
/// Builds the host's configuration from the same sources the Functions app reads: host.json, then
/// local.settings.json <c>Values</c>, then environment variables (later sources win), then the command line's
/// <c>--data</c>.
/// </summary>
/// <remarks>
/// host.json keys keep their paths (<c>extensions:durableTask:hubName</c>, <c>clipGeneration:segmentConcurrency</c>);
/// <c>Values</c> and environment variables use <c>__</c> for <c>:</c> (<c>ClipGeneration__MediaStore</c>). Missing files
/// are skipped; a file that is not JSON throws <see cref="InvalidDataException"/> naming it.
/// </remarks>
public static class ClipHostConfiguration
{
    public const string HostJson = "host.json";
    public const string LocalSettingsJson = "local.settings.json";

    /// <summary>Merges the sources, later ones winning.</summary>
    /// <param name="rootDirectory">The folder holding host.json and local.settings.json.</param>
    /// <param name="environment">Environment variables to use instead of the process's (tests); null reads the process's.</param>
    /// <param name="dataDirectory">The command line's <c>--data</c>, overriding <c>ClipGeneration:DataDirectory</c>; null keeps the configured one.</param>
    public static IConfigurationRoot Build(string rootDirectory, IReadOnlyDictionary<string, string?>? environment = null, string? dataDirectory = null)
    {
        var builder = new ConfigurationBuilder();
        var hostJson = Path.Combine(rootDirectory, HostJson);
        if (File.Exists(hostJson))
        {
            var bytes = File.ReadAllBytes(hostJson);
            try
            {
                // Checked here so a malformed file fails with its name, not later inside the JSON provider.
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{hostJson} is not valid JSON: {exception.Message}", exception);
            }

            builder.AddJsonStream(new MemoryStream(bytes));
        }

        builder.AddInMemoryCollection(LocalSettingsValues.Read(Path.Combine(rootDirectory, LocalSettingsJson)));
        if (environment is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            builder.AddInMemoryCollection(environment.ToDictionary(e => LocalSettingsValues.ToConfigurationKey(e.Key), e => e.Value, StringComparer.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ClipHostSettings.DataDirectoryOverrideKey] = dataDirectory,
            });
        }

        return builder.Build();
    }
}
