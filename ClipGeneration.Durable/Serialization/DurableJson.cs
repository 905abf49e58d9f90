using System.Text.Json;

namespace ClipGeneration.Durable.Serialization;

/// <summary>The one JSON convention for every payload the engine stores: inputs, outputs, results, events, custom status.</summary>
/// <remarks>Web defaults (camelCase, case-insensitive reads), so payloads read the same through Durable's HTTP API.</remarks>
public static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value as its runtime type; null stays null (no row text at all).</summary>
    public static string? Serialize(object? value, Type? declaredType = null)
        => value is null ? null : JsonSerializer.Serialize(value, declaredType is null || declaredType == typeof(object) ? value.GetType() : declaredType, Options);

    /// <summary>Reads stored JSON as <paramref name="type"/>; null or empty text reads as the type's default.</summary>
    /// <exception cref="JsonException">The text is not JSON of that shape; the message names the type.</exception>
    public static object? Deserialize(string? json, Type type)
    {
        if (string.IsNullOrEmpty(json))
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type, Options);
        }
        catch (JsonException exception)
        {
            throw new JsonException($"Stored payload is not a valid {type.FullName}: {exception.Message}", exception);
        }
    }

    public static T? Deserialize<T>(string? json) => (T?)Deserialize(json, typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
