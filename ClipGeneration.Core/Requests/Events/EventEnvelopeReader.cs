using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace ClipGeneration.Core.Requests.Events;

/// <summary>
/// Turns a webhook or bus body into one outcome per event: EventBridge envelopes, Event Grid schema
/// events (array or single), CloudEvents 1.0 structured mode (single or batch), and EventBridge events
/// bridged into Event Grid. Only <see cref="BeginClipGeneration"/> starts work; other types are ignored.
/// </summary>
/// <remarks>
/// Bad input never throws: a body that is not JSON or has no known envelope shape is one
/// <see cref="EventInvalid"/>; in a batch each event is read on its own, so one bad event does not
/// hide the others. Requests are held to the allow-list (events are never a trusted source).
/// </remarks>
public sealed class EventEnvelopeReader
{
    /// <summary>The event type (EventBridge <c>detail-type</c>, Event Grid <c>eventType</c>, CloudEvents <c>type</c>) that starts a clip.</summary>
    public const string BeginClipGeneration = "Begin Clip Generation";

    // Checked before the SDK parses, so the answer names each missing field (the SDK's message does not).
    private static readonly string[] EventGridRequiredProperties = ["id", "subject", "eventType", "eventTime", "dataVersion", "data"];

    private readonly ClipRequestValidator _validator;

    public EventEnvelopeReader(ClipRequestValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
    }

    /// <summary>Reads every event in <paramref name="body"/>.</summary>
    public IReadOnlyList<EventReadOutcome> Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException exception)
        {
            return [Invalid("$", $"the body is not JSON: {exception.Message}")];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return [ReadOne(root, "$")];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return [Invalid("$", "the body must be an event object or an array of events")];
            }

            if (root.GetArrayLength() == 0)
            {
                return [Invalid("$", "the batch holds no events")];
            }

            var outcomes = new List<EventReadOutcome>();
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                outcomes.Add(ReadOne(element, $"[{index}]"));
                index++;
            }

            return outcomes;
        }
    }

    /// <summary>Reads one Event Grid event already parsed by the Functions Event Grid trigger.</summary>
    public EventReadOutcome Read(EventGridEvent gridEvent)
    {
        ArgumentNullException.ThrowIfNull(gridEvent);
        return ReadEventGrid(gridEvent, "$");
    }

    /// <summary>Reads one CloudEvent already parsed by the Functions Event Grid trigger.</summary>
    public EventReadOutcome Read(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return ReadCloudEvent(cloudEvent, "$");
    }

    /// <summary>Reads every event in a UTF-8 JSON body.</summary>
    public IReadOnlyList<EventReadOutcome> Read(ReadOnlyMemory<byte> utf8Body) => Read(new BinaryData(utf8Body));

    private EventReadOutcome ReadOne(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Invalid(path, "an event must be a JSON object");
        }

        if (element.TryGetProperty("specversion", out _))
        {
            return ReadCloudEvent(element, path);
        }

        if (element.TryGetProperty("detail-type", out _))
        {
            return ReadEventBridge(element, path, EnvelopeKind.EventBridge, eventId: null);
        }

        if (element.TryGetProperty("eventType", out _))
        {
            return ReadEventGrid(element, path);
        }

        return Invalid(path, "not an EventBridge event, Event Grid event or CloudEvent (no 'detail-type', 'eventType' or 'specversion')");
    }

    private EventReadOutcome ReadEventBridge(JsonElement element, string path, EnvelopeKind kind, string? eventId)
    {
        eventId ??= StringProperty(element, "id");
        var detailType = StringProperty(element, "detail-type");
        if (detailType is null)
        {
            return new EventInvalid([new RequestProblem(Join(path, "detail-type"), "must be a string")], eventId, kind);
        }

        if (!string.Equals(detailType, BeginClipGeneration, StringComparison.Ordinal))
        {
            return Ignore(detailType, eventId);
        }

        if (!element.TryGetProperty("detail", out var detail) || detail.ValueKind == JsonValueKind.Null)
        {
            return new EventInvalid([new RequestProblem(Join(path, "detail"), "is required: the clip request")], eventId, kind);
        }

        return ToOutcome(detail, Join(path, "detail"), eventId, kind);
    }

    private EventReadOutcome ReadEventGrid(JsonElement element, string path)
    {
        var eventId = StringProperty(element, "id");
        var missing = EventGridRequiredProperties
            .Where(name => !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            .Select(name => new RequestProblem(Join(path, name), "is required by the Event Grid schema"))
            .ToList();
        if (missing.Count > 0)
        {
            return new EventInvalid(missing, eventId, EnvelopeKind.EventGrid);
        }

        EventGridEvent gridEvent;
        try
        {
            gridEvent = EventGridEvent.Parse(BinaryData.FromString(element.GetRawText()));
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return new EventInvalid([new RequestProblem(path, $"is not a valid Event Grid event: {exception.Message}")], eventId, EnvelopeKind.EventGrid);
        }

        return ReadEventGrid(gridEvent, path);
    }

    private EventReadOutcome ReadEventGrid(EventGridEvent gridEvent, string path)
    {
        var eventId = gridEvent.Id;
        if (string.Equals(gridEvent.EventType, SystemEventNames.EventGridSubscriptionValidation, StringComparison.Ordinal))
        {
            return ReadHandshake(gridEvent, path);
        }

        if (!string.Equals(gridEvent.EventType, BeginClipGeneration, StringComparison.Ordinal))
        {
            return Ignore(gridEvent.EventType, eventId);
        }

        var dataPath = Join(path, "data");
        if (!TryParseData(gridEvent.Data, out var data))
        {
            return new EventInvalid([new RequestProblem(dataPath, "is required: the clip request as JSON")], eventId, EnvelopeKind.EventGrid);
        }

        using (data)
        {
            var root = data.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail-type", out _))
            {
                return ReadEventBridge(root, dataPath, EnvelopeKind.EventGridBridgedEventBridge, eventId);
            }

            return ToOutcome(root, dataPath, eventId, EnvelopeKind.EventGrid);
        }
    }

    private static EventReadOutcome ReadHandshake(EventGridEvent gridEvent, string path)
    {
        if (gridEvent.TryGetSystemEventData(out var systemData)
            && systemData is SubscriptionValidationEventData validation
            && !string.IsNullOrEmpty(validation.ValidationCode))
        {
            return new ValidationHandshake(validation.ValidationCode, validation.ValidationUrl, gridEvent.Id);
        }

        return new EventInvalid(
            [new RequestProblem(Join(path, "data.validationCode"), "a subscription-validation event must carry a validationCode")],
            gridEvent.Id,
            EnvelopeKind.EventGrid);
    }

    private EventReadOutcome ReadCloudEvent(JsonElement element, string path)
    {
        var eventId = StringProperty(element, "id");
        CloudEvent cloudEvent;
        try
        {
            cloudEvent = CloudEvent.Parse(BinaryData.FromString(element.GetRawText()))!;
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return new EventInvalid([new RequestProblem(path, $"is not a valid CloudEvent: {exception.Message}")], eventId, EnvelopeKind.CloudEvent);
        }

        return ReadCloudEvent(cloudEvent, path);
    }

    private EventReadOutcome ReadCloudEvent(CloudEvent cloudEvent, string path)
    {
        if (!string.Equals(cloudEvent.Type, BeginClipGeneration, StringComparison.Ordinal))
        {
            return Ignore(cloudEvent.Type, cloudEvent.Id);
        }

        var dataPath = Join(path, "data");
        if (!TryParseData(cloudEvent.Data, out var data))
        {
            return new EventInvalid([new RequestProblem(dataPath, "is required: the clip request as JSON")], cloudEvent.Id, EnvelopeKind.CloudEvent);
        }

        using (data)
        {
            return ToOutcome(data.RootElement, dataPath, cloudEvent.Id, EnvelopeKind.CloudEvent);
        }
    }

    private EventReadOutcome ToOutcome(JsonElement request, string path, string? eventId, EnvelopeKind kind)
    {
        var result = _validator.Check(request);
        return result.Request is { } valid
            ? new ClipRequested(valid, eventId, kind)
            : new EventInvalid([.. result.Problems.Select(p => p.Under(path == "$" ? string.Empty : path))], eventId, kind);
    }

    private static bool TryParseData(BinaryData? data, out JsonDocument document)
    {
        document = null!;
        if (data is null || data.ToMemory().IsEmpty)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(data.ToMemory());
        }
        catch (JsonException)
        {
            // Data that is not JSON is reported by the caller as a missing request.
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            document.Dispose();
            return false;
        }

        return true;
    }

    private static EventIgnored Ignore(string eventType, string? eventId)
        => new(eventType, $"only '{BeginClipGeneration}' events start work; '{eventType}' is not acted on", eventId);

    private static EventInvalid Invalid(string field, string reason) => new([new RequestProblem(field, reason)], null, null);

    private static string? StringProperty(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Join(string path, string field) => path == "$" ? field : $"{path}.{field}";
}
