using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Client;

/// <summary>
/// Writes an instance status in Durable Functions' HTTP management API shape
/// (<c>GET /runtime/webhooks/durabletask/instances/{id}</c>), so one client reads both hosts.
/// </summary>
/// <remarks>
/// Shape: <c>{"name","instanceId","runtimeStatus","input","customStatus","output","createdTime","lastUpdatedTime"}</c>, plus
/// <c>"historyEvents"</c> when the status carries history. As Durable does, history leaves out the bookkeeping events
/// (OrchestratorStarted/Completed) and folds each TaskScheduled / SubOrchestrationInstanceCreated into its completion
/// (<c>FunctionName</c>, <c>ScheduledTime</c>); results appear only with <c>showHistoryOutput</c>. A Failed instance's
/// output is its error message, a Terminated one's the reason, as in Durable. Stored payloads that are not valid JSON
/// are written as JSON strings.
/// </remarks>
public static class DurableStatusJson
{
    public static JsonObject ToJson(OrchestrationMetadata status, bool showInput = true, bool showHistoryOutput = false)
    {
        ArgumentNullException.ThrowIfNull(status);
        var json = new JsonObject
        {
            ["name"] = status.Name,
            ["instanceId"] = status.InstanceId,
            ["runtimeStatus"] = status.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(status.SerializedInput) : null,
            ["customStatus"] = Parse(status.SerializedCustomStatus),
            ["output"] = Output(status),
            ["createdTime"] = FormatTime(status.CreatedAt),
            ["lastUpdatedTime"] = FormatTime(status.LastUpdatedAt),
        };
        if (status.History is { } history)
        {
            json["historyEvents"] = HistoryToJson(history, showHistoryOutput);
        }

        return json;
    }

    public static string Serialize(OrchestrationMetadata status, bool showInput = true, bool showHistoryOutput = false)
        => ToJson(status, showInput, showHistoryOutput).ToJsonString();

    /// <summary>Durable's history array: one object per visible event, oldest first.</summary>
    public static JsonArray HistoryToJson(IReadOnlyList<HistoryEvent> history, bool showHistoryOutput)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scheduled = history.Where(e => e.EventType is HistoryEventType.TaskScheduled or HistoryEventType.SubOrchestrationInstanceCreated)
            .ToDictionary(e => e.EventId);
        var array = new JsonArray();
        foreach (var e in history)
        {
            if (e.EventType is HistoryEventType.OrchestratorStarted or HistoryEventType.OrchestratorCompleted
                or HistoryEventType.TaskScheduled or HistoryEventType.SubOrchestrationInstanceCreated)
            {
                continue;
            }

            var item = new JsonObject
            {
                ["EventType"] = e.EventType.ToString(),
                ["EventId"] = e.EventId,
                ["Timestamp"] = FormatPreciseTime(e.Timestamp),
            };
            AddDetails(item, e, scheduled, showHistoryOutput);
            array.Add(item);
        }

        return array;
    }

    private static void AddDetails(JsonObject item, HistoryEvent e, Dictionary<int, HistoryEvent> scheduled, bool showHistoryOutput)
    {
        if (e.TaskScheduledId is { } taskId && scheduled.TryGetValue(taskId, out var origin))
        {
            item["FunctionName"] = origin.Name;
            item["ScheduledTime"] = FormatPreciseTime(origin.Timestamp);
            if (origin.InstanceId is not null)
            {
                item["InstanceId"] = origin.InstanceId;
            }
        }

        switch (e.EventType)
        {
            case HistoryEventType.ExecutionStarted:
                item["FunctionName"] = e.Name;
                if (showHistoryOutput)
                {
                    item["Input"] = Parse(e.Input);
                }

                break;
            case HistoryEventType.TaskCompleted or HistoryEventType.SubOrchestrationInstanceCompleted:
                if (showHistoryOutput)
                {
                    item["Result"] = Parse(e.Result);
                }

                break;
            case HistoryEventType.TaskFailed or HistoryEventType.SubOrchestrationInstanceFailed:
                item["Reason"] = e.FailureDetails?.ErrorMessage;
                item["Details"] = e.FailureDetails?.StackTrace;
                break;
            case HistoryEventType.TimerCreated or HistoryEventType.TimerFired:
                item["FireAt"] = e.FireAt is { } fireAt ? FormatPreciseTime(fireAt) : null;
                if (e.TimerId is { } timerId)
                {
                    item["TimerId"] = timerId;
                }

                break;
            case HistoryEventType.EventRaised:
                item["Name"] = e.Name;
                if (showHistoryOutput)
                {
                    item["Input"] = Parse(e.Input);
                }

                break;
            case HistoryEventType.ExecutionCompleted:
                item["OrchestrationStatus"] = "Completed";
                if (showHistoryOutput)
                {
                    item["Result"] = Parse(e.Result);
                }

                break;
            case HistoryEventType.ExecutionFailed:
                item["OrchestrationStatus"] = "Failed";
                item["Reason"] = e.FailureDetails?.ErrorMessage;
                item["Details"] = e.FailureDetails?.StackTrace;
                break;
            case HistoryEventType.ExecutionTerminated:
                item["Input"] = e.Reason;
                break;
            default:
                break;
        }
    }

    private static JsonNode? Output(OrchestrationMetadata status) => status.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Failed => status.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : null,
        OrchestrationRuntimeStatus.Terminated => status.TerminationReason,
        _ => Parse(status.SerializedOutput),
    };

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    // Durable writes instance times to the second and history times with fractions, both UTC with a Z.
    private static string FormatTime(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string FormatPreciseTime(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
