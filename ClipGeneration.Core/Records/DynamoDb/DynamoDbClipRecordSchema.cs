using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ClipGeneration.Core.Requests;

namespace ClipGeneration.Core.Records.DynamoDb;

/// <summary>
/// How a <see cref="ClipRecord"/> is laid out as a DynamoDB item.
/// </summary>
/// <remarks>
/// Top-level attributes: <c>clipId</c> (hash key), <c>status</c>, <c>createdAt</c> / <c>updatedAt</c> (UTC ISO-8601 with
/// 7 fractional digits, so string order is time order for the status index), <c>manifest</c>, <c>mode</c>, <c>title</c>,
/// <c>processingSeconds</c> (N), <c>statusHistory</c> (a list of maps {status, at, step, details, transitionId}, appended
/// with <c>list_append</c>), and <c>appliedTransitions</c> (a string set of every transition id, checked with
/// <c>contains</c>). <c>segments</c>, <c>output</c> and <c>error</c> are stored as JSON strings in the record's JSON shape:
/// they are read and written whole, never queried, and JSON keeps them identical to the API's representation.
/// </remarks>
internal static class DynamoDbClipRecordSchema
{
    public const string StatusIndex = "status-createdAt-index";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text)
        => DateTimeOffset.ParseExact(text, "yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Dictionary<string, AttributeValue> ToItem(ClipRecord record)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["clipId"] = new() { S = record.ClipId },
            ["status"] = new() { S = record.Status.ToName() },
            ["createdAt"] = new() { S = FormatTime(record.CreatedAt) },
            ["updatedAt"] = new() { S = FormatTime(record.UpdatedAt) },
            ["manifest"] = new() { S = record.Manifest },
            ["mode"] = new() { S = record.Mode },
            ["segments"] = new() { S = ClipRecordJson.Serialize(record.Segments) },
            ["statusHistory"] = new() { L = record.StatusHistory.Select(ToAttribute).ToList() },
            ["appliedTransitions"] = new() { SS = record.StatusHistory.Select(e => e.TransitionId).Distinct(StringComparer.Ordinal).ToList() },
        };
        if (record.Title is not null)
        {
            item["title"] = new() { S = record.Title };
        }

        return item;
    }

    public static AttributeValue ToAttribute(StatusHistoryEntry entry)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["status"] = new() { S = entry.Status.ToName() },
            ["at"] = new() { S = FormatTime(entry.At) },
            ["step"] = new() { S = entry.Step },
            ["transitionId"] = new() { S = entry.TransitionId },
        };
        if (entry.Details is not null)
        {
            map["details"] = new() { S = entry.Details };
        }

        return new AttributeValue { M = map };
    }

    /// <summary>Reads an item this store wrote.</summary>
    /// <exception cref="InvalidDataException">The item lacks an attribute every record has (it was not written by this store).</exception>
    public static ClipRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        var clipId = Text(item, "clipId", "an item");
        var where = $"clip '{clipId}'";
        return new ClipRecord
        {
            ClipId = clipId,
            Status = ClipStatusNames.Parse(Text(item, "status", where)),
            CreatedAt = ParseTime(Text(item, "createdAt", where)),
            UpdatedAt = ParseTime(Text(item, "updatedAt", where)),
            Manifest = Text(item, "manifest", where),
            Mode = Text(item, "mode", where),
            Title = item.TryGetValue("title", out var title) ? title.S : null,
            Segments = ClipRecordJson.Deserialize<List<RequestedSegment>>(Text(item, "segments", where), $"segments of {where}"),
            StatusHistory = item.TryGetValue("statusHistory", out var history) && history.L is { } list
                ? list.Select(a => FromAttribute(a, where)).ToList()
                : [],
            Output = item.TryGetValue("output", out var output) && output.S is { } o ? ClipRecordJson.Deserialize<ClipOutput>(o, $"output of {where}") : null,
            ProcessingSeconds = item.TryGetValue("processingSeconds", out var seconds) && seconds.N is { } n
                ? double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)
                : null,
            Error = item.TryGetValue("error", out var error) && error.S is { } e ? ClipRecordJson.Deserialize<ClipError>(e, $"error of {where}") : null,
        };
    }

    private static StatusHistoryEntry FromAttribute(AttributeValue value, string where)
    {
        var map = value.M ?? throw new InvalidDataException($"a status history entry of {where} is not a map");
        return new StatusHistoryEntry(
            ClipStatusNames.Parse(Text(map, "status", where)),
            ParseTime(Text(map, "at", where)),
            Text(map, "step", where),
            map.TryGetValue("details", out var details) ? details.S : null,
            Text(map, "transitionId", where));
    }

    private static string Text(Dictionary<string, AttributeValue> item, string name, string where)
        => item.TryGetValue(name, out var value) && value.S is { } text
            ? text
            : throw new InvalidDataException($"{where} has no string attribute '{name}'");
}
