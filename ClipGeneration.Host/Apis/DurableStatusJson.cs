using System.Globalization;
using System.Text.Json.Nodes;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;

namespace ClipGeneration.Host.Apis;

/// <summary>
/// An instance's status in the shape of Durable Functions' HTTP API (<c>name</c>, <c>instanceId</c>,
/// <c>runtimeStatus</c>, <c>input</c>, <c>customStatus</c>, <c>output</c>, <c>createdTime</c>,
/// <c>lastUpdatedTime</c>, <c>historyEvents</c>), so one client works against either host.
/// </summary>
/// <remarks>
/// Payloads are embedded as JSON, not as strings. A failed instance's <c>output</c> is its error message (as Durable
/// writes it) and <c>failureDetails</c> carries type and message; a terminated one's <c>output</c> is the reason.
/// History follows Durable: events are PascalCase, TaskScheduled / OrchestratorStarted / OrchestratorCompleted are left
/// out and a completion carries <c>ScheduledTime</c>; <c>Result</c>s only with showHistoryOutput.
/// </remarks>
public static class DurableStatusJson
{
    public static JsonObject Write(OrchestrationMetadata status, bool showInput, bool showHistory, bool showHistoryOutput)
    {
        ArgumentNullException.ThrowIfNull(status);
        var json = new JsonObject
        {
            ["name"] = status.Name,
            ["instanceId"] = status.InstanceId,
            ["runtimeStatus"] = status.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(status.SerializedInput) : null,
            ["customStatus"] = Parse(status.SerializedCustomStatus),
            ["output"] = status.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Failed => status.FailureDetails?.ErrorMessage,
                OrchestrationRuntimeStatus.Terminated => status.TerminationReason,
                _ => Parse(status.SerializedOutput),
            },
            ["createdTime"] = Time(status.CreatedAt),
            ["lastUpdatedTime"] = Time(status.LastUpdatedAt),
        };
        if (status.FailureDetails is { } failure)
        {
            json["failureDetails"] = new JsonObject { ["errorType"] = failure.ErrorType, ["errorMessage"] = failure.ErrorMessage };
        }

        if (showHistory && status.History is { } history)
        {
            json["historyEvents"] = WriteHistory(history, showHistoryOutput);
        }

        return json;
    }

    private static JsonArray WriteHistory(IReadOnlyList<HistoryEvent> history, bool showHistoryOutput)
    {
        var scheduled = history.Where(e => e.EventType is HistoryEventType.TaskScheduled or HistoryEventType.SubOrchestrationInstanceCreated or HistoryEventType.TimerCreated)
            .ToDictionary(e => e.EventId);
        var events = new JsonArray();
        foreach (var item in history)
        {
            if (item.EventType is HistoryEventType.TaskScheduled or HistoryEventType.OrchestratorStarted or HistoryEventType.OrchestratorCompleted
                or HistoryEventType.SubOrchestrationInstanceCreated)
            {
                continue;
            }

            var entry = new JsonObject { ["EventType"] = item.EventType.ToString(), ["Timestamp"] = Time(item.Timestamp) };
            var origin = item.TaskScheduledId is { } taskId ? scheduled.GetValueOrDefault(taskId) : null;
            if ((item.Name ?? origin?.Name) is { } name)
            {
                entry["FunctionName"] = name;
            }

            if (origin is not null)
            {
                entry["ScheduledTime"] = Time(origin.Timestamp);
            }

            if (item.EventType is HistoryEventType.ExecutionStarted or HistoryEventType.EventRaised && item.Input is not null)
            {
                entry["Input"] = Parse(item.Input);
            }

            if (showHistoryOutput && item.Result is not null)
            {
                entry["Result"] = Parse(item.Result);
            }

            if (item.FailureDetails is { } failure)
            {
                entry["FailureDetails"] = new JsonObject { ["ErrorType"] = failure.ErrorType, ["ErrorMessage"] = failure.ErrorMessage };
            }

            if (item.FireAt is { } fireAt)
            {
                entry["FireAt"] = Time(fireAt);
            }

            if (item.Reason is not null)
            {
                entry["Reason"] = item.Reason;
            }

            events.Add(entry);
        }

        return events;
    }

    private static JsonNode? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
