namespace ClipGeneration.Durable.Persistence;

/// <summary>The schema as numbered migrations; a database records the last one applied in <c>schema_version</c>.</summary>
/// <remarks>
/// Migrations only move forward and each runs in its own transaction. A database whose version is newer than
/// this engine knows is refused rather than written with an older understanding of its tables.
/// </remarks>
internal static class SchemaMigrations
{
    private static readonly string[][] Migrations =
    [
        [
            "CREATE TABLE hub (name TEXT NOT NULL)",
            """
            CREATE TABLE instances (
                instance_id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                input TEXT,
                output TEXT,
                custom_status TEXT,
                failure TEXT,
                termination_reason TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                parent_instance_id TEXT,
                parent_task_id INTEGER,
                history_count INTEGER NOT NULL DEFAULT 0,
                lock_owner TEXT,
                lock_expires INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX ix_instances_created ON instances (created_at, instance_id)",
            """
            CREATE TABLE history (
                instance_id TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                timestamp INTEGER NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (instance_id, event_id)) WITHOUT ROWID
            """,
            """
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                instance_id TEXT NOT NULL,
                visible_at INTEGER NOT NULL,
                data TEXT NOT NULL)
            """,
            "CREATE INDEX ix_messages_visible ON messages (visible_at)",
            "CREATE INDEX ix_messages_instance ON messages (instance_id, id)",
            """
            CREATE TABLE work_items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                instance_id TEXT NOT NULL,
                task_id INTEGER NOT NULL,
                name TEXT NOT NULL,
                input TEXT,
                lease_owner TEXT,
                lease_expires INTEGER NOT NULL DEFAULT 0,
                dequeue_count INTEGER NOT NULL DEFAULT 0,
                UNIQUE (instance_id, task_id))
            """,
            "CREATE INDEX ix_work_items_lease ON work_items (lease_expires, id)",
        ],
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Apply(SqliteDatabase database, string hubName)
    {
        database.Write(db =>
        {
            db.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            if (db.Scalar("SELECT COUNT(*) FROM schema_version") is 0L)
            {
                db.Execute("INSERT INTO schema_version (version) VALUES (0)");
            }

            return 0;
        });

        while (true)
        {
            var applied = database.Write(db =>
            {
                var version = Convert.ToInt32(db.Scalar("SELECT version FROM schema_version"));
                if (version > LatestVersion)
                {
                    throw new InvalidOperationException(
                        $"Database '{db.Path}' has schema version {version}, newer than this engine's {LatestVersion}: upgrade the engine.");
                }

                if (version == LatestVersion)
                {
                    return false;
                }

                foreach (var statement in Migrations[version])
                {
                    db.Execute(statement);
                }

                if (version == 0)
                {
                    db.Execute("INSERT INTO hub (name) VALUES ($name)", ("$name", hubName));
                }

                db.Execute("UPDATE schema_version SET version = $v", ("$v", version + 1));
                return true;
            });
            if (!applied)
            {
                break;
            }
        }

        var storedHub = database.Write(db => (string?)db.Scalar("SELECT name FROM hub"));
        if (!string.Equals(storedHub, hubName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Database '{database.Path}' belongs to hub '{storedHub}', not '{hubName}': one database file holds one hub.");
        }
    }
}
