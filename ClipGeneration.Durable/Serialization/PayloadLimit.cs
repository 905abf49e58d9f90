using System.Text;

namespace ClipGeneration.Durable.Serialization;

/// <summary>Serializes a payload and refuses it when its UTF-8 size is over the configured limit.</summary>
internal sealed class PayloadLimit(int maxBytes)
{
    public int MaxBytes { get; } = maxBytes;

    /// <summary>Serializes <paramref name="value"/> and checks its size.</summary>
    /// <exception cref="PayloadTooLargeException">The JSON is over <see cref="MaxBytes"/>.</exception>
    public string? Serialize(object? value, string what, Type? declaredType = null)
    {
        var json = DurableJson.Serialize(value, declaredType);
        Check(json, what);
        return json;
    }

    /// <summary>Checks the size of already-serialized JSON; <paramref name="what"/> names it in the error.</summary>
    /// <exception cref="PayloadTooLargeException">The JSON is over <see cref="MaxBytes"/>.</exception>
    public void Check(string? json, string what)
    {
        if (json is null || json.Length * 3 <= MaxBytes)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxBytes)
        {
            throw new PayloadTooLargeException(what, bytes, MaxBytes);
        }
    }
}
