using System.Text.Json;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Serialization;

namespace ClipGeneration.Durable.Persistence;

/// <summary>Orchestration turns: lock instances with due messages, load them, commit a turn in one transaction.</summary>
internal sealed partial class DurableStore
{
    /// <summary>Locks up to <paramref name="max"/> unlocked instances that have visible messages, oldest message first.</summary>
    /// <remarks>An instance lock is a lease: a process that dies holding it loses it when <paramref name="lockUntil"/> passes.</remarks>
    public List<string> LockInstances(string owner, int max, DateTimeOffset now, DateTimeOffset lockUntil, IReadOnlySet<string> busy)
        => Database.Write(db => LockCandidates(db, owner, max, now, lockUntil, busy));

    /// <summary>Locks up to <paramref name="max"/> instances with due messages and loads each one's turn input, in one transaction.</summary>
    /// <remarks><paramref name="cachedHistory"/> offers a kept history per instance; it is used only when it is current.</remarks>
    public List<TurnInput> LockAndLoad(
        string owner, int max, DateTimeOffset now, DateTimeOffset lockUntil, Func<string, IReadOnlyList<HistoryEvent>?> cachedHistory)
        => !Database.Read(db => HasDueWork(db, now)) ? [] : Database.Write(db =>
        {
            var inputs = new List<TurnInput>();
            foreach (var id in LockCandidates(db, owner, max, now, lockUntil, NoneBusy))
            {
                if (LoadTurnInput(db, id, now, cachedHistory(id)) is { } input)
                {
                    inputs.Add(input);
                }
            }

            return inputs;
        });

    /// <summary>Loads a locked instance's row, history (or reuses <paramref name="cachedHistory"/> when it is current) and visible messages.</summary>
    public TurnInput? LoadTurn(string instanceId, DateTimeOffset now, IReadOnlyList<HistoryEvent>? cachedHistory)
        => Database.Write(db => LoadTurnInput(db, instanceId, now, cachedHistory));

    /// <summary>Writes one turn atomically: history, work items, timers, sub-orchestrations, consumed messages, status.</summary>
    public void CommitTurn(TurnCommit commit)
        => Database.Write(db =>
        {
            var id = commit.InstanceId;
            foreach (var message in commit.ConsumedMessageIds)
            {
                db.Execute("DELETE FROM messages WHERE id = $id", ("$id", message));
            }

            foreach (var historyEvent in commit.NewEvents)
            {
                db.Execute(
                    "INSERT INTO history (instance_id, event_id, event_type, timestamp, data) VALUES ($id, $eventId, $type, $ts, $data)",
                    ("$id", id),
                    ("$eventId", historyEvent.EventId),
                    ("$type", historyEvent.EventType.ToString()),
                    ("$ts", ToMs(historyEvent.Timestamp)),
                    ("$data", JsonSerializer.Serialize(historyEvent, DurableJson.Options)));
                WriteConsequence(db, commit, historyEvent);
            }

            var terminal = commit.Status.IsTerminal();
            if (terminal)
            {
                // Late results and timers of a finished instance are dropped: nothing is left to deliver them to.
                db.Execute("DELETE FROM work_items WHERE instance_id = $id", ("$id", id));
                db.Execute("DELETE FROM messages WHERE instance_id = $id", ("$id", id));
                NotifyParent(db, commit);
            }

            db.Execute(
                """
                UPDATE instances SET status = $status, custom_status = $custom, output = $output, failure = $failure,
                    termination_reason = $reason, updated_at = $now, history_count = $count, lock_owner = NULL, lock_expires = 0
                WHERE instance_id = $id
                """,
                ("$status", commit.Status.ToString()),
                ("$custom", commit.CustomStatus),
                ("$output", commit.Output),
                ("$failure", commit.Failure is null ? null : JsonSerializer.Serialize(commit.Failure, DurableJson.Options)),
                ("$reason", commit.TerminationReason),
                ("$now", ToMs(commit.Now)),
                ("$count", commit.HistoryCount),
                ("$id", id));
            return 0;
        });

    /// <summary>Deletes messages a turn could not use (late, duplicate, or for a finished instance) and releases the lock.</summary>
    public void DropMessages(string instanceId, string owner, IReadOnlyList<long> messageIds)
        => Database.Write(db =>
        {
            foreach (var message in messageIds)
            {
                db.Execute("DELETE FROM messages WHERE id = $id", ("$id", message));
            }

            return db.Execute(
                "UPDATE instances SET lock_owner = NULL, lock_expires = 0 WHERE instance_id = $id AND lock_owner = $owner",
                ("$id", instanceId),
                ("$owner", owner));
        });

    /// <summary>Gives up an instance lock without a turn (the turn could not run, e.g. on shutdown).</summary>
    public void ReleaseLock(string instanceId, string owner)
        => Database.Write(db => db.Execute(
            "UPDATE instances SET lock_owner = NULL, lock_expires = 0 WHERE instance_id = $id AND lock_owner = $owner",
            ("$id", instanceId),
            ("$owner", owner)));

    /// <summary>The earliest time a not-yet-visible message (a timer) becomes visible, if any.</summary>
    public DateTimeOffset? NextMessageDue(DateTimeOffset now)
        => Database.Read(db => db.Scalar("SELECT MIN(visible_at) FROM messages WHERE visible_at > $now", ("$now", ToMs(now)))) is long ms
            ? FromMs(ms)
            : null;

    private static readonly HashSet<string> NoneBusy = [];

    // A read first, so an idle poll does not take the write lock.
    private static bool HasDueWork(SqliteDatabase db, DateTimeOffset now)
        => db.Scalar(
            """
            SELECT EXISTS (SELECT 1 FROM messages m JOIN instances i ON i.instance_id = m.instance_id
                           WHERE m.visible_at <= $now AND i.lock_expires <= $now)
            """,
            ("$now", ToMs(now))) is 1L;

    private static List<string> LockCandidates(SqliteDatabase db, string owner, int max, DateTimeOffset now, DateTimeOffset lockUntil, IReadOnlySet<string> busy)
    {
        var nowMs = ToMs(now);
        var candidates = db.Query(
            """
            SELECT m.instance_id, MIN(m.id) AS first_message
            FROM messages m JOIN instances i ON i.instance_id = m.instance_id
            WHERE m.visible_at <= $now AND i.lock_expires <= $now
            GROUP BY m.instance_id ORDER BY first_message LIMIT $max
            """,
            reader => reader.GetString(0),
            ("$now", nowMs),
            ("$max", max + busy.Count));
        var locked = new List<string>();
        foreach (var id in candidates)
        {
            if (locked.Count == max || busy.Contains(id))
            {
                continue;
            }

            db.Execute(
                "UPDATE instances SET lock_owner = $owner, lock_expires = $until WHERE instance_id = $id",
                ("$owner", owner),
                ("$until", ToMs(lockUntil)),
                ("$id", id));
            locked.Add(id);
        }

        return locked;
    }

    private static TurnInput? LoadTurnInput(SqliteDatabase db, string instanceId, DateTimeOffset now, IReadOnlyList<HistoryEvent>? cachedHistory)
    {
        var rows = db.Query(
            "SELECT name, status, parent_instance_id, parent_task_id, custom_status, history_count FROM instances WHERE instance_id = $id",
            reader => (
                Name: reader.GetString(0),
                Status: Enum.Parse<OrchestrationRuntimeStatus>(reader.GetString(1)),
                Parent: reader.IsDBNull(2) ? null : reader.GetString(2),
                ParentTask: reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3),
                CustomStatus: reader.IsDBNull(4) ? null : reader.GetString(4),
                HistoryCount: reader.GetInt32(5)),
            ("$id", instanceId));
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var history = cachedHistory is not null && cachedHistory.Count == row.HistoryCount
            ? cachedHistory
            : ReadHistory(db, instanceId);
        var messages = db.Query(
            "SELECT id, data FROM messages WHERE instance_id = $id AND visible_at <= $now ORDER BY id",
            reader => (reader.GetInt64(0), ReadEvent(reader.GetString(1))),
            ("$id", instanceId),
            ("$now", ToMs(now)));
        return new TurnInput(instanceId, row.Name, row.Status, row.Parent, row.ParentTask, row.CustomStatus, history, messages);
    }

    private static void WriteConsequence(SqliteDatabase db, TurnCommit commit, HistoryEvent historyEvent)
    {
        switch (historyEvent.EventType)
        {
            case HistoryEventType.TaskScheduled:
                db.Execute(
                    "INSERT OR IGNORE INTO work_items (instance_id, task_id, name, input) VALUES ($id, $task, $name, $input)",
                    ("$id", commit.InstanceId),
                    ("$task", historyEvent.EventId),
                    ("$name", historyEvent.Name),
                    ("$input", historyEvent.Input));
                break;
            case HistoryEventType.TimerCreated:
                InsertMessage(
                    db,
                    commit.InstanceId,
                    new HistoryEvent
                    {
                        EventId = -1,
                        EventType = HistoryEventType.TimerFired,
                        Timestamp = historyEvent.FireAt!.Value,
                        TimerId = historyEvent.EventId,
                        FireAt = historyEvent.FireAt,
                    },
                    historyEvent.FireAt.Value);
                break;
            case HistoryEventType.SubOrchestrationInstanceCreated:
                StartSubOrchestration(db, commit, historyEvent);
                break;
            default:
                break;
        }
    }

    private static void StartSubOrchestration(SqliteDatabase db, TurnCommit commit, HistoryEvent created)
    {
        var childId = created.InstanceId!;
        var existing = ReadStatus(db, childId);
        if (existing is { } status && !status.IsTerminal())
        {
            InsertMessage(
                db,
                commit.InstanceId,
                new HistoryEvent
                {
                    EventId = -1,
                    EventType = HistoryEventType.SubOrchestrationInstanceFailed,
                    Timestamp = commit.Now,
                    TaskScheduledId = created.EventId,
                    FailureDetails = new TaskFailureDetails(
                        typeof(InvalidOperationException).FullName!,
                        $"Sub-orchestration instance '{childId}' already exists and is {status}: a second one with that id cannot start.",
                        IsNonRetryable: true),
                },
                commit.Now);
            return;
        }

        // A terminal child with the same id is replaced: this is how a retried sub-orchestration with a fixed id restarts.
        CreateInstance(db, created.Name!, childId, created.Input, commit.Now, restartTerminal: true, commit.InstanceId, created.EventId);
    }

    private static void NotifyParent(SqliteDatabase db, TurnCommit commit)
    {
        if (commit.ParentInstanceId is null || commit.ParentTaskId is null)
        {
            return;
        }

        var message = commit.Status == OrchestrationRuntimeStatus.Completed
            ? new HistoryEvent
            {
                EventId = -1,
                EventType = HistoryEventType.SubOrchestrationInstanceCompleted,
                Timestamp = commit.Now,
                TaskScheduledId = commit.ParentTaskId,
                Result = commit.Output,
            }
            : new HistoryEvent
            {
                EventId = -1,
                EventType = HistoryEventType.SubOrchestrationInstanceFailed,
                Timestamp = commit.Now,
                TaskScheduledId = commit.ParentTaskId,
                FailureDetails = commit.Failure ?? new TaskFailureDetails(
                    "ClipGeneration.Durable.InstanceTerminatedException",
                    $"Sub-orchestration '{commit.InstanceId}' was terminated: {commit.TerminationReason}"),
            };
        if (ReadStatus(db, commit.ParentInstanceId) is { } parentStatus && !parentStatus.IsTerminal())
        {
            InsertMessage(db, commit.ParentInstanceId, message, commit.Now);
        }
    }
}
