using System.Text.Json;

namespace ClipGeneration.Core.Records;

/// <summary>The one JSON shape of clip records and their parts (web defaults: camelCase, lenient number reading off).</summary>
public static class ClipRecordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads stored JSON; <paramref name="what"/> names it in the error.</summary>
    /// <exception cref="InvalidDataException">The stored text is not the expected JSON (a corrupted row or item).</exception>
    public static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {what} is JSON null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"stored {what} is not valid JSON: {e.Message}", e);
        }
    }
}
