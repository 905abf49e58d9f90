namespace ClipGeneration.Tests.Configuration;

/// <summary>
/// A deliberately small reader for docker-compose.yml (no YAML library is available): it checks the block
/// structure line by line and reads each service's <c>environment:</c> map.
/// </summary>
/// <remarks>
/// What it checks: no tabs; indentation in steps of two; every content line is a <c>key:</c>, a
/// <c>key: value</c> or a <c>- item</c>; a top-level <c>services:</c> block with services at indent 2. What it
/// does not: flow collections, anchors, multi-line scalars, or anything Docker Compose validates beyond that.
/// Environment entries must use the map form (<c>KEY: "value"</c>), which is what the file uses.
/// </remarks>
internal sealed class ComposeFile
{
    private ComposeFile(Dictionary<string, Dictionary<string, string>> environments, IReadOnlyList<string> services)
    {
        Environments = environments;
        Services = services;
    }

    public IReadOnlyList<string> Services { get; }

    /// <summary>Gets each service's environment map (services without one are absent).</summary>
    public Dictionary<string, Dictionary<string, string>> Environments { get; }

    public static ComposeFile Read(string path)
    {
        var services = new List<string>();
        var environments = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var inServices = false;
        string? service = null;
        Dictionary<string, string>? environment = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var where = $"{Path.GetFileName(path)}:{lineNumber}";
            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"{where}: tab character");
            }

            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var indent = raw.Length - raw.TrimStart(' ').Length;
            if (indent % 2 != 0)
            {
                throw new FormatException($"{where}: indentation of {indent} is not a multiple of two");
            }

            var isItem = trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-";
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (!isItem && colon <= 0)
            {
                throw new FormatException($"{where}: neither 'key:', 'key: value' nor '- item'");
            }

            var key = isItem ? string.Empty : trimmed[..colon];
            var value = isItem ? trimmed : trimmed[(colon + 1)..].Trim();
            if (indent == 0)
            {
                inServices = key == "services";
                service = null;
                environment = null;
                continue;
            }

            if (!inServices)
            {
                continue;
            }

            if (indent == 2)
            {
                service = key;
                services.Add(key);
                environment = null;
            }
            else if (indent == 4)
            {
                environment = key == "environment" && service is not null ? environments[service] = new(StringComparer.Ordinal) : null;
            }
            else if (indent == 6 && environment is not null)
            {
                if (isItem)
                {
                    throw new FormatException($"{where}: environment entries must use the map form KEY: \"value\"");
                }

                environment[key] = Unquote(value);
            }
        }

        return new ComposeFile(environments, services);
    }

    private static string Unquote(string value)
        => value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;
}
