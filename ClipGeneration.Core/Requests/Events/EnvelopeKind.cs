namespace ClipGeneration.Core.Requests.Events;

/// <summary>Which envelope carried an event.</summary>
public enum EnvelopeKind
{
    /// <summary>An EventBridge event (<c>detail-type</c>, <c>detail</c>), also what an API destination posts.</summary>
    EventBridge,

    /// <summary>An Event Grid schema event (<c>eventType</c>, <c>data</c>).</summary>
    EventGrid,

    /// <summary>A CloudEvents 1.0 structured-mode event (<c>specversion</c>, <c>type</c>, <c>data</c>).</summary>
    CloudEvent,

    /// <summary>An EventBridge event forwarded into Event Grid unchanged, as the Event Grid event's <c>data</c>.</summary>
    EventGridBridgedEventBridge,
}
