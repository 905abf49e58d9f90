using System.Globalization;
using System.Text.Json;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Core.Requests;

/// <summary>
/// Reads a clip request from JSON (the ARCHITECTURE.md contract), checking shapes and value formats.
/// </summary>
/// <remarks>
/// Bad input never throws: every problem found (wrong type, missing field, unparseable time, unknown
/// mode) is collected with its JSON path, so one answer tells the caller everything to fix. Property
/// names match case-insensitively; unknown properties are ignored (senders may add their own).
/// Rules that need configuration (allowed buckets, limits) belong to <see cref="ClipRequestValidator"/>.
/// </remarks>
public static class ClipRequestReader
{
    /// <summary>Reads a request from UTF-8 JSON bytes; text that is not JSON is one problem at <c>$</c>.</summary>
    public static ClipRequestReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            return ClipRequestReadResult.Failure([new RequestProblem("$", $"the body is not JSON: {exception.Message}")]);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads a request from a JSON element (which must be an object).</summary>
    public static ClipRequestReadResult Read(JsonElement element)
    {
        var problems = new List<RequestProblem>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RequestProblem("$", $"a clip request must be a JSON object, not {Describe(element.ValueKind)}"));
            return ClipRequestReadResult.Failure(problems);
        }

        var clipId = ReadString(element, "clipId", required: true, problems);
        var manifest = ReadString(element, "manifest", required: true, problems);
        var segments = ReadSegments(element, problems);
        var mode = ReadMode(element, problems);
        var title = ReadString(element, "title", required: false, problems);
        var variant = ReadVariant(element, problems);

        var request = new ClipRequest(clipId ?? string.Empty, manifest ?? string.Empty, segments, mode, title, variant);
        return problems.Count > 0 ? ClipRequestReadResult.Failure(problems, request) : ClipRequestReadResult.Success(request);
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        var found = false;
        value = default;

        // Last occurrence wins, as System.Text.Json deserialization does.
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                found = true;
            }
        }

        return found && value.ValueKind != JsonValueKind.Null;
    }

    private static string? ReadString(JsonElement element, string name, bool required, List<RequestProblem> problems)
    {
        if (!TryGetProperty(element, name, out var value))
        {
            if (required)
            {
                problems.Add(new RequestProblem(name, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new RequestProblem(name, $"must be a string, not {Describe(value.ValueKind)}"));
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new RequestProblem(name, "is required and may not be empty"));
            return null;
        }

        return text;
    }

    private static List<RequestedSegment> ReadSegments(JsonElement element, List<RequestProblem> problems)
    {
        // Unreadable entries stay as nulls so the validator's paths keep the document's indexes.
        var segments = new List<RequestedSegment>();
        if (!TryGetProperty(element, "segments", out var array))
        {
            problems.Add(new RequestProblem("segments", "is required: a list of {startTime, endTime} ranges"));
            return segments;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new RequestProblem("segments", $"must be an array of {{startTime, endTime}} objects, not {Describe(array.ValueKind)}"));
            return segments;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"segments[{index}]";
            RequestedSegment? segment = null;
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RequestProblem(path, $"must be an object with startTime and endTime, not {Describe(item.ValueKind)}"));
            }
            else
            {
                var start = ReadTime(item, "startTime", path, problems);
                var end = ReadTime(item, "endTime", path, problems);
                if (start is { } s && end is { } e)
                {
                    segment = new RequestedSegment(s, e);
                }
            }

            segments.Add(segment!);

            index++;
        }

        return segments;
    }

    private static TimePoint? ReadTime(JsonElement segment, string name, string path, List<RequestProblem> problems)
    {
        var field = $"{path}.{name}";
        if (!TryGetProperty(segment, name, out var value))
        {
            problems.Add(new RequestProblem(field, "is required (seconds, hh:mm:ss.fff, or an ISO-8601 instant)"));
            return null;
        }

        string text;
        if (value.ValueKind == JsonValueKind.Number)
        {
            // The raw text keeps what the sender wrote; exponent forms are normalized to plain digits first.
            text = value.TryGetDouble(out var seconds) ? seconds.ToString(CultureInfo.InvariantCulture) : value.GetRawText();
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
        }
        else
        {
            problems.Add(new RequestProblem(field, $"must be a number of seconds or a string, not {Describe(value.ValueKind)}"));
            return null;
        }

        if (!TimePoint.TryParse(text, out var point, out var error))
        {
            problems.Add(new RequestProblem(field, error));
            return null;
        }

        return value.ValueKind == JsonValueKind.Number ? TimePoint.FromSeconds(point.OffsetSeconds!.Value) : point;
    }

    private static ClipMode ReadMode(JsonElement element, List<RequestProblem> problems)
    {
        if (!TryGetProperty(element, "mode", out var value))
        {
            return ClipMode.Keyframe;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new RequestProblem("mode", $"must be \"keyframe\" or \"accurate\", not {Describe(value.ValueKind)}"));
            return ClipMode.Keyframe;
        }

        var text = value.GetString()!.Trim();
        if (string.Equals(text, "keyframe", StringComparison.OrdinalIgnoreCase))
        {
            return ClipMode.Keyframe;
        }

        if (string.Equals(text, "accurate", StringComparison.OrdinalIgnoreCase))
        {
            return ClipMode.Accurate;
        }

        problems.Add(new RequestProblem("mode", $"'{text}' is not a mode: use \"keyframe\" or \"accurate\""));
        return ClipMode.Keyframe;
    }

    private static string? ReadVariant(JsonElement element, List<RequestProblem> problems)
    {
        if (!TryGetProperty(element, "variant", out var value))
        {
            return null;
        }

        // A bandwidth may come as a number; it is kept as the text the sender wrote.
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new RequestProblem("variant", $"must be a bandwidth or a variant name, not {Describe(value.ValueKind)}"));
            return null;
        }

        return value.GetString();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
