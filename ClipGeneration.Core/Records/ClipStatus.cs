using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Records;

/// <summary>Where a clip is in its life: created <c>processing</c>, then exactly one of <c>processed</c> or <c>failed</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClipStatus>))]
public enum ClipStatus
{
    [JsonStringEnumMemberName("processing")]
    Processing,

    [JsonStringEnumMemberName("processed")]
    Processed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>The lower-case names used in JSON, SQL and DynamoDB.</summary>
public static class ClipStatusNames
{
    public static string ToName(this ClipStatus status) => status switch
    {
        ClipStatus.Processing => "processing",
        ClipStatus.Processed => "processed",
        ClipStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a clip status"),
    };

    /// <summary>Reads a lower-case status name.</summary>
    /// <exception cref="FormatException">The text is not one of processing, processed, failed.</exception>
    public static ClipStatus Parse(string text) => text switch
    {
        "processing" => ClipStatus.Processing,
        "processed" => ClipStatus.Processed,
        "failed" => ClipStatus.Failed,
        _ => throw new FormatException($"'{text}' is not a clip status (processing, processed, failed)"),
    };
}
