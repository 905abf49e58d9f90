using System.Text.Json;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Serialization;
using Microsoft.Data.Sqlite;

namespace ClipGeneration.Durable.Persistence;

/// <summary>
/// Every read and write of the engine's tables. This file: instance rows and messages, the client's side;
/// the other parts hold orchestration turns and activity work items.
/// </summary>
/// <remarks>Times are stored as Unix milliseconds (UTC); payloads and events as JSON text.</remarks>
internal sealed partial class DurableStore(SqliteDatabase database)
{
    private const string InstanceColumns =
        "instance_id, name, status, created_at, updated_at, input, output, custom_status, failure, termination_reason";

    public SqliteDatabase Database { get; } = database;

    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public Task<ScheduleResult> ScheduleAsync(
        string name, string instanceId, string? input, DateTimeOffset now, bool restartTerminal, CancellationToken cancellationToken)
        => Database.WriteAsync(db => CreateInstance(db, name, instanceId, input, now, restartTerminal, null, null), cancellationToken);

    public Task<OrchestrationMetadata?> GetAsync(string instanceId, bool includePayloads, bool includeHistory, CancellationToken cancellationToken)
        => Database.ReadAsync(
            db =>
            {
                var rows = db.Query(
                    $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id",
                    reader => ReadMetadata(reader, includePayloads),
                    ("$id", instanceId));
                if (rows.Count == 0)
                {
                    return null;
                }

                return includeHistory ? rows[0] with { History = ReadHistory(db, instanceId) } : rows[0];
            },
            cancellationToken);

    /// <summary>Adds a message to a live instance's queue.</summary>
    /// <returns>False when the instance is terminal (the message is dropped, as a late one would be).</returns>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public Task<bool> EnqueueToActiveAsync(string instanceId, HistoryEvent message, DateTimeOffset now, CancellationToken cancellationToken)
        => Database.WriteAsync(
            db =>
            {
                var status = ReadStatus(db, instanceId) ?? throw new InstanceNotFoundException(instanceId);
                if (status.IsTerminal())
                {
                    return false;
                }

                InsertMessage(db, instanceId, message, now);
                return true;
            },
            cancellationToken);

    /// <summary>Deletes a terminal instance with its history, messages and work items.</summary>
    /// <returns>False when there is no such instance.</returns>
    /// <exception cref="InvalidOperationException">The instance is still pending or running: terminate it first.</exception>
    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
        => Database.WriteAsync(
            db =>
            {
                var status = ReadStatus(db, instanceId);
                if (status is null)
                {
                    return false;
                }

                if (!status.Value.IsTerminal())
                {
                    throw new InvalidOperationException(
                        $"Instance '{instanceId}' is {status}: only completed, failed or terminated instances can be purged (terminate it first).");
                }

                DeleteInstance(db, instanceId);
                return true;
            },
            cancellationToken);

    internal static ScheduleResult CreateInstance(
        SqliteDatabase db, string name, string instanceId, string? input, DateTimeOffset now, bool restartTerminal, string? parentInstanceId, int? parentTaskId)
    {
        var existing = ReadStatus(db, instanceId);
        if (existing is not null)
        {
            if (!existing.Value.IsTerminal() || !restartTerminal)
            {
                return new ScheduleResult(instanceId, Created: false);
            }

            DeleteInstance(db, instanceId);
        }

        var nowMs = ToMs(now);
        db.Execute(
            """
            INSERT INTO instances (instance_id, name, status, input, created_at, updated_at, parent_instance_id, parent_task_id)
            VALUES ($id, $name, $status, $input, $now, $now, $parent, $parentTask)
            """,
            ("$id", instanceId),
            ("$name", name),
            ("$status", nameof(OrchestrationRuntimeStatus.Pending)),
            ("$input", input),
            ("$now", nowMs),
            ("$parent", parentInstanceId),
            ("$parentTask", parentTaskId));
        InsertMessage(
            db,
            instanceId,
            new HistoryEvent
            {
                EventId = -1,
                EventType = HistoryEventType.ExecutionStarted,
                Timestamp = now,
                Name = name,
                Input = input,
                ParentInstanceId = parentInstanceId,
                ParentTaskScheduledId = parentTaskId,
            },
            now);
        return new ScheduleResult(instanceId, Created: true);
    }

    internal static void InsertMessage(SqliteDatabase db, string instanceId, HistoryEvent message, DateTimeOffset visibleAt)
        => db.Execute(
            "INSERT INTO messages (instance_id, visible_at, data) VALUES ($id, $visible, $data)",
            ("$id", instanceId),
            ("$visible", ToMs(visibleAt)),
            ("$data", JsonSerializer.Serialize(message, DurableJson.Options)));

    internal static OrchestrationRuntimeStatus? ReadStatus(SqliteDatabase db, string instanceId)
        => db.Scalar("SELECT status FROM instances WHERE instance_id = $id", ("$id", instanceId)) is string status
            ? Enum.Parse<OrchestrationRuntimeStatus>(status)
            : null;

    internal static List<HistoryEvent> ReadHistory(SqliteDatabase db, string instanceId)
        => db.Query(
            "SELECT data FROM history WHERE instance_id = $id ORDER BY event_id",
            reader => ReadEvent(reader.GetString(0)),
            ("$id", instanceId));

    internal static HistoryEvent ReadEvent(string json)
        => JsonSerializer.Deserialize<HistoryEvent>(json, DurableJson.Options)
           ?? throw new InvalidDataException("A stored history event or message is the JSON literal null.");

    private static void DeleteInstance(SqliteDatabase db, string instanceId)
    {
        db.Execute("DELETE FROM history WHERE instance_id = $id", ("$id", instanceId));
        db.Execute("DELETE FROM messages WHERE instance_id = $id", ("$id", instanceId));
        db.Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", instanceId));
        db.Execute("DELETE FROM instances WHERE instance_id = $id", ("$id", instanceId));
    }

    private static OrchestrationMetadata ReadMetadata(SqliteDataReader reader, bool includePayloads)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        var failure = Text(8);
        return new OrchestrationMetadata
        {
            InstanceId = reader.GetString(0),
            Name = reader.GetString(1),
            RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(reader.GetString(2)),
            CreatedAt = FromMs(reader.GetInt64(3)),
            LastUpdatedAt = FromMs(reader.GetInt64(4)),
            SerializedInput = includePayloads ? Text(5) : null,
            SerializedOutput = includePayloads ? Text(6) : null,
            SerializedCustomStatus = Text(7),
            FailureDetails = failure is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(failure, DurableJson.Options),
            TerminationReason = Text(9),
        };
    }
}
