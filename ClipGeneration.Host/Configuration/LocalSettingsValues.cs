using System.Text.Json;

namespace ClipGeneration.Host.Configuration;

/// <summary>Reads the <c>Values</c> of a local.settings.json file as configuration keys (<c>A__B</c> becomes <c>A:B</c>).</summary>
/// <remarks>
/// The Functions host reads the same file and exposes each value as an environment variable; this gives the local
/// host the same keys. A missing file is no values. A file that is not JSON, or whose <c>Values</c> is not an
/// object of strings/numbers/booleans, throws <see cref="InvalidDataException"/> naming the file and the entry.
/// </remarks>
public static class LocalSettingsValues
{
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Values", out var section)
                || section.ValueKind == JsonValueKind.Null)
            {
                return values;
            }

            if (section.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: 'Values' must be an object of settings");
            }

            foreach (var entry in section.EnumerateObject())
            {
                values[ToConfigurationKey(entry.Name)] = entry.Value.ValueKind switch
                {
                    JsonValueKind.String => entry.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => entry.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => throw new InvalidDataException($"{path}: Values.{entry.Name} must be a string, number or boolean"),
                };
            }
        }

        return values;
    }

    /// <summary>Turns an environment-style key (<c>ClipGeneration__S3__Region</c>) into a configuration path (<c>ClipGeneration:S3:Region</c>).</summary>
    public static string ToConfigurationKey(string name) => name.Replace("__", ":", StringComparison.Ordinal);
}
