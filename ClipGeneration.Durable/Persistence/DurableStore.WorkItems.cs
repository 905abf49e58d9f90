using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Persistence;

/// <summary>An activity to run, as leased from the work-item table.</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, int TaskId, string Name, string? Input, int DequeueCount);

/// <summary>Activity work items: leases that expire (at-least-once), renewal by heartbeat, completion in one transaction.</summary>
internal sealed partial class DurableStore
{
    /// <summary>Leases up to <paramref name="max"/> items whose lease is free or expired (a crashed worker's items run again).</summary>
    public List<ActivityWorkItem> LeaseWorkItems(string owner, int max, DateTimeOffset now, DateTimeOffset leaseUntil)
        => !Database.Read(db => db.Scalar("SELECT EXISTS (SELECT 1 FROM work_items WHERE lease_expires <= $now)", ("$now", ToMs(now))) is 1L)
            ? []
            : Database.Write(db =>
        {
            var items = db.Query(
                "SELECT id, instance_id, task_id, name, input, dequeue_count FROM work_items WHERE lease_expires <= $now ORDER BY id LIMIT $max",
                reader => new ActivityWorkItem(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetInt32(5) + 1),
                ("$now", ToMs(now)),
                ("$max", max));
            foreach (var item in items)
            {
                db.Execute(
                    "UPDATE work_items SET lease_owner = $owner, lease_expires = $until, dequeue_count = dequeue_count + 1 WHERE id = $id",
                    ("$owner", owner),
                    ("$until", ToMs(leaseUntil)),
                    ("$id", item.Id));
            }

            return items;
        });

    /// <summary>Extends the leases this owner still holds; returns how many it still held.</summary>
    public int RenewLeases(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil)
        => Database.Write(db =>
        {
            var renewed = 0;
            foreach (var id in ids)
            {
                renewed += db.Execute(
                    "UPDATE work_items SET lease_expires = $until WHERE id = $id AND lease_owner = $owner",
                    ("$until", ToMs(leaseUntil)),
                    ("$id", id),
                    ("$owner", owner));
            }

            return renewed;
        });

    /// <summary>Reports several results in one transaction; one flag per result, as <see cref="CompleteWorkItem"/> returns.</summary>
    public bool[] CompleteWorkItems(string owner, IReadOnlyList<(ActivityWorkItem Item, HistoryEvent Result)> results, DateTimeOffset now)
        => Database.Write(db => results.Select(r => CompleteOne(db, r.Item, owner, r.Result, now)).ToArray());

    /// <summary>Deletes the work item and enqueues its result for the instance, in one transaction.</summary>
    /// <returns>False when the result was dropped: the lease was lost to another worker, or the instance ended or was purged.</returns>
    public bool CompleteWorkItem(ActivityWorkItem item, string owner, HistoryEvent result, DateTimeOffset now)
        => Database.Write(db => CompleteOne(db, item, owner, result, now));

    private static bool CompleteOne(SqliteDatabase db, ActivityWorkItem item, string owner, HistoryEvent result, DateTimeOffset now)
    {
        var deleted = db.Execute(
            "DELETE FROM work_items WHERE id = $id AND lease_owner = $owner",
            ("$id", item.Id),
            ("$owner", owner));
        if (deleted == 0 || ReadStatus(db, item.InstanceId) is not { } status || status.IsTerminal())
        {
            return false;
        }

        InsertMessage(db, item.InstanceId, result, now);
        return true;
    }

    /// <summary>Hands leased items back at once (graceful stop), so the next worker need not wait for expiry.</summary>
    public void ReleaseLeases(string owner, IReadOnlyCollection<long> ids)
        => Database.Write(db =>
        {
            foreach (var id in ids)
            {
                db.Execute(
                    "UPDATE work_items SET lease_owner = NULL, lease_expires = 0 WHERE id = $id AND lease_owner = $owner",
                    ("$id", id),
                    ("$owner", owner));
            }

            return 0;
        });
}
