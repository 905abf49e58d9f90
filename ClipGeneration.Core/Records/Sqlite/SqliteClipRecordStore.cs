using System.Globalization;
using ClipGeneration.Core.Requests;
using Microsoft.Data.Sqlite;

namespace ClipGeneration.Core.Records.Sqlite;

/// <summary>
/// <see cref="IClipRecordStore"/> in one SQLite file (the embedded default): WAL, a busy timeout, a schema version
/// in <c>PRAGMA user_version</c>, and an index on (status, created time) for listing.
/// </summary>
/// <remarks>
/// Each transition is one conditional UPDATE (<c>WHERE status = 'processing'</c> and the transition id not yet in the
/// history) that also appends the history entry to the JSON history column, so a record is never half-updated.
/// When the UPDATE changes nothing the record is read back to tell a repeat from an illegal transition.
/// A database written by a newer schema version is refused with <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class SqliteClipRecordStore : IClipRecordStore, IDisposable
{
    private const int SchemaVersion = 1;

    private const string Columns = "clip_id, status, created_at, created_ticks, updated_at, manifest, mode, title, segments, status_history, output, processing_seconds, error";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private bool _initialized;

    public SqliteClipRecordStore(SqliteClipRecordStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite record store settings: " + string.Join("; ", problems), nameof(options));
        }

        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
    }

    public string DatabasePath { get; }

    public void Dispose() => _initLock.Dispose();

    public async Task<RecordWriteResult> CreateAsync(ClipRecord initial, string transitionId, CancellationToken cancellationToken)
    {
        var record = ClipTransitionRules.PrepareInitial(initial, transitionId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO clip_records ({Columns})
            VALUES ($id, 'processing', $createdAt, $createdTicks, $updatedAt, $manifest, $mode, $title, $segments, $history, NULL, NULL, NULL)
            ON CONFLICT (clip_id) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$id", record.ClipId);
        insert.Parameters.AddWithValue("$createdAt", FormatTime(record.CreatedAt));
        insert.Parameters.AddWithValue("$createdTicks", record.CreatedAt.UtcTicks);
        insert.Parameters.AddWithValue("$updatedAt", FormatTime(record.UpdatedAt));
        insert.Parameters.AddWithValue("$manifest", record.Manifest);
        insert.Parameters.AddWithValue("$mode", record.Mode);
        insert.Parameters.AddWithValue("$title", (object?)record.Title ?? DBNull.Value);
        insert.Parameters.AddWithValue("$segments", ClipRecordJson.Serialize(record.Segments));
        insert.Parameters.AddWithValue("$history", ClipRecordJson.Serialize(record.StatusHistory));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return new RecordWriteResult(record, RecordWriteOutcome.Applied);
        }

        var existing = await ReadAsync(connection, record.ClipId, cancellationToken)
            ?? throw new InvalidOperationException($"Clip '{record.ClipId}': the insert conflicted but no row can be read.");
        return ClipTransitionRules.ExistingOnCreate(existing, transitionId);
    }

    public Task<RecordWriteResult> MarkProcessedAsync(string clipId, ClipOutput output, double processingSeconds, DateTimeOffset at, string transitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ClipTransitionRules.CheckTransitionArguments(clipId, transitionId);
        var entry = ClipTransitionRules.ProcessedEntry(output, at, transitionId);
        return TransitionAsync(clipId, ClipStatus.Processed, entry, ClipRecordJson.Serialize(output), processingSeconds, null, cancellationToken);
    }

    public Task<RecordWriteResult> MarkFailedAsync(string clipId, ClipError error, DateTimeOffset at, string transitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ClipTransitionRules.CheckTransitionArguments(clipId, transitionId);
        var entry = ClipTransitionRules.FailedEntry(error, at, transitionId);
        return TransitionAsync(clipId, ClipStatus.Failed, entry, null, null, ClipRecordJson.Serialize(error), cancellationToken);
    }

    public async Task<ClipRecord?> GetAsync(string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAsync(connection, clipId, cancellationToken);
    }

    public async Task<ClipRecordPage> ListAsync(ClipStatus? status, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        ClipTransitionRules.CheckTop(top);
        long? afterTicks = null;
        string? afterId = null;
        if (continuationToken is not null)
        {
            var payload = ListingToken.Decode(continuationToken);
            var bar = payload.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || !long.TryParse(payload[..bar], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
            {
                throw new ArgumentException($"'{continuationToken}' is not a continuation token issued by this store.", nameof(continuationToken));
            }

            afterTicks = ticks;
            afterId = payload[(bar + 1)..];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        var where = new List<string>();
        if (status is { } s)
        {
            where.Add("status = $status");
            query.Parameters.AddWithValue("$status", s.ToName());
        }

        if (afterTicks is { } t)
        {
            where.Add("(created_ticks < $ticks OR (created_ticks = $ticks AND clip_id < $afterId))");
            query.Parameters.AddWithValue("$ticks", t);
            query.Parameters.AddWithValue("$afterId", afterId);
        }

        query.CommandText = $"""
            SELECT {Columns} FROM clip_records
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)}
            ORDER BY created_ticks DESC, clip_id DESC
            LIMIT $limit
            """;

        // One more than asked tells whether another page exists without a second query.
        query.Parameters.AddWithValue("$limit", top + 1);
        var items = new List<ClipRecord>();
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Map(reader));
            }
        }

        if (items.Count <= top)
        {
            return new ClipRecordPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        return new ClipRecordPage(items, ListingToken.Encode($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.ClipId}"));
    }

    private async Task<RecordWriteResult> TransitionAsync(
        string clipId, ClipStatus to, StatusHistoryEntry entry, string? outputJson, double? processingSeconds, string? errorJson, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE clip_records
                SET status = $to,
                    updated_at = $at,
                    output = $output,
                    processing_seconds = $processingSeconds,
                    error = $error,
                    status_history = json_insert(status_history, '$[#]', json($entry))
                WHERE clip_id = $id
                  AND status = 'processing'
                  AND NOT EXISTS (
                      SELECT 1 FROM json_each(clip_records.status_history) AS h
                      WHERE json_extract(h.value, '$.transitionId') = $transitionId)
                RETURNING
                """ + " " + Columns;
            update.Parameters.AddWithValue("$to", to.ToName());
            update.Parameters.AddWithValue("$at", FormatTime(entry.At));
            update.Parameters.AddWithValue("$output", (object?)outputJson ?? DBNull.Value);
            update.Parameters.AddWithValue("$processingSeconds", (object?)processingSeconds ?? DBNull.Value);
            update.Parameters.AddWithValue("$error", (object?)errorJson ?? DBNull.Value);
            update.Parameters.AddWithValue("$entry", ClipRecordJson.Serialize(entry));
            update.Parameters.AddWithValue("$id", clipId);
            update.Parameters.AddWithValue("$transitionId", entry.TransitionId);
            await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    return new RecordWriteResult(Map(reader), RecordWriteOutcome.Applied);
                }
            }

            var current = await ReadAsync(connection, clipId, cancellationToken);
            if (ClipTransitionRules.AfterRefusedTransition(clipId, current, to, entry.TransitionId) is { } verdict)
            {
                return verdict;
            }
        }

        throw new InvalidOperationException($"Clip '{clipId}': the transition to {to.ToName()} was refused three times while the record stayed processing.");
    }

    private static async Task<ClipRecord?> ReadAsync(SqliteConnection connection, string clipId, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM clip_records WHERE clip_id = $id";
        query.Parameters.AddWithValue("$id", clipId);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Map(reader) : null;
    }

    private static ClipRecord Map(SqliteDataReader reader)
    {
        var clipId = reader.GetString(0);
        return new ClipRecord
        {
            ClipId = clipId,
            Status = ClipStatusNames.Parse(reader.GetString(1)),
            CreatedAt = ParseTime(reader.GetString(2)),
            UpdatedAt = ParseTime(reader.GetString(4)),
            Manifest = reader.GetString(5),
            Mode = reader.GetString(6),
            Title = reader.IsDBNull(7) ? null : reader.GetString(7),
            Segments = ClipRecordJson.Deserialize<List<RequestedSegment>>(reader.GetString(8), $"segments of clip '{clipId}'"),
            StatusHistory = ClipRecordJson.Deserialize<List<StatusHistoryEntry>>(reader.GetString(9), $"status history of clip '{clipId}'"),
            Output = reader.IsDBNull(10) ? null : ClipRecordJson.Deserialize<ClipOutput>(reader.GetString(10), $"output of clip '{clipId}'"),
            ProcessingSeconds = reader.IsDBNull(11) ? null : reader.GetDouble(11),
            Error = reader.IsDBNull(12) ? null : ClipRecordJson.Deserialize<ClipError>(reader.GetString(12), $"error of clip '{clipId}'"),
        };
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = {_busyTimeoutMs};", cancellationToken);
        return connection;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA journal_mode = WAL;", cancellationToken);
            await using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA user_version;";
            var found = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (found > SchemaVersion)
            {
                throw new InvalidOperationException($"'{DatabasePath}' has clip record schema version {found}; this build knows up to {SchemaVersion}.");
            }

            if (found < SchemaVersion)
            {
                await ExecuteAsync(connection, $"""
                    BEGIN IMMEDIATE;
                    CREATE TABLE IF NOT EXISTS clip_records (
                        clip_id TEXT NOT NULL PRIMARY KEY,
                        status TEXT NOT NULL CHECK (status IN ('processing', 'processed', 'failed')),
                        created_at TEXT NOT NULL,
                        created_ticks INTEGER NOT NULL,
                        updated_at TEXT NOT NULL,
                        manifest TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        title TEXT NULL,
                        segments TEXT NOT NULL,
                        status_history TEXT NOT NULL,
                        output TEXT NULL,
                        processing_seconds REAL NULL,
                        error TEXT NULL
                    );
                    CREATE INDEX IF NOT EXISTS ix_clip_records_status_created ON clip_records (status, created_ticks DESC, clip_id DESC);
                    CREATE INDEX IF NOT EXISTS ix_clip_records_created ON clip_records (created_ticks DESC, clip_id DESC);
                    PRAGMA user_version = {SchemaVersion};
                    COMMIT;
                    """, cancellationToken);
            }

            Volatile.Write(ref _initialized, true);
        }
        finally
        {
            _initLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string FormatTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
