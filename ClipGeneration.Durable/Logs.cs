using Microsoft.Extensions.Logging;

namespace ClipGeneration.Durable;

/// <summary>The engine's log messages, with fixed event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Durable engine started on {DatabasePath} (hub {HubName}, worker {Owner})")]
    public static partial void EngineStarted(ILogger logger, string databasePath, string hubName, string owner);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Durable engine stopped (worker {Owner})")]
    public static partial void EngineStopped(ILogger logger, string owner);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Orchestration turn of instance {InstanceId} could not run; it will be retried")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Instance {InstanceId} ({Name}) finished: {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, string name, string status);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Activity {Name} of instance {InstanceId} (task {TaskId}) failed: {ErrorType}: {ErrorMessage}")]
    public static partial void ActivityFailed(ILogger logger, string name, string instanceId, int taskId, string errorType, string errorMessage);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Result of activity {Name} (instance {InstanceId}, task {TaskId}) dropped: the instance has finished or the lease was lost")]
    public static partial void ActivityResultDropped(ILogger logger, string name, string instanceId, int taskId);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Dispatcher loop {Loop} failed; retrying after the poll interval")]
    public static partial void DispatcherFailed(ILogger logger, Exception exception, string loop);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Observer {Observer} threw; ignored")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer);
}
