namespace ClipGeneration.Host.Configuration;

/// <summary>The configuration has one or more invalid settings; <see cref="Problems"/> lists every one.</summary>
public sealed class HostConfigurationException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration (host.json, local.settings.json, environment): " + string.Join("; ", problems) + ".")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
