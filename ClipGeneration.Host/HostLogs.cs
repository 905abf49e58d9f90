namespace ClipGeneration.Host;

/// <summary>The host's log messages, with fixed event ids (1xxx) so dashboards and alerts can match on them.</summary>
internal static partial class HostLogs
{
    [LoggerMessage(1001, LogLevel.Information, "Clip {ClipId} started from {Source}: {SegmentCount} segment(s), mode {Mode}")]
    public static partial void ClipStarted(ILogger logger, string clipId, string source, int segmentCount, string mode);

    [LoggerMessage(1002, LogLevel.Information, "Clip {ClipId} from {Source} already exists: no new instance was started")]
    public static partial void ClipAlreadyExists(ILogger logger, string clipId, string source);

    [LoggerMessage(1003, LogLevel.Warning, "Rejected {Source} request: {Problems}")]
    public static partial void RequestRejected(ILogger logger, string source, string problems);

    [LoggerMessage(1004, LogLevel.Information, "Ignored {Envelope} event {EventId} of type '{EventType}': {Reason}")]
    public static partial void EventIgnored(ILogger logger, string envelope, string? eventId, string eventType, string reason);

    [LoggerMessage(1005, LogLevel.Information, "Answered the Event Grid subscription-validation handshake for event {EventId}")]
    public static partial void ValidationHandshake(ILogger logger, string? eventId);

    [LoggerMessage(1006, LogLevel.Information, "Answered the CloudEvents abuse-protection handshake for origin {Origin}")]
    public static partial void AbuseProtectionHandshake(ILogger logger, string origin);

    [LoggerMessage(1007, LogLevel.Information, "Clip host listening on {Url} (data: {DataDirectory})")]
    public static partial void Listening(ILogger logger, string url, string dataDirectory);

    [LoggerMessage(1008, LogLevel.Warning, "No API keys are configured (ClipGeneration:ApiKeys): every protected route answers 401")]
    public static partial void NoApiKeys(ILogger logger);

    [LoggerMessage(1009, LogLevel.Information, "Clip {ClipId} finished {Status}")]
    public static partial void ClipFinished(ILogger logger, string clipId, string status);

    [LoggerMessage(1010, LogLevel.Information, "OpenTelemetry export over OTLP to {Endpoint}")]
    public static partial void OtlpExport(ILogger logger, string endpoint);
}
