using Microsoft.Data.Sqlite;

namespace ClipGeneration.Durable.Persistence;

/// <summary>
/// The engine's one SQLite connection: WAL, <c>synchronous=NORMAL</c>, <c>busy_timeout</c>, cached prepared
/// statements, and a gate so one operation at a time uses it (SQLite has one writer anyway).
/// </summary>
/// <remarks>
/// WAL with synchronous=NORMAL keeps every committed transaction across a process crash (SIGKILL included);
/// a power loss or OS crash may lose the last transactions (never corrupts the file). Other processes may open
/// the same file: writes take <c>BEGIN IMMEDIATE</c> and wait up to the busy timeout for each other.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _disposed;

    private SqliteDatabase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating when absent) the database file and brings its schema to the current version.</summary>
    /// <exception cref="InvalidOperationException">The file belongs to another hub, or its schema is newer than this engine.</exception>
    public static SqliteDatabase Open(string path, string hubName)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var database = new SqliteDatabase(connection, fullPath);
        try
        {
            database.Execute("PRAGMA journal_mode=WAL;");
            database.Execute("PRAGMA synchronous=NORMAL;");
            database.Execute($"PRAGMA busy_timeout={BusyTimeoutMilliseconds};");
            database.Execute("PRAGMA foreign_keys=OFF;");
            SchemaMigrations.Apply(database, hubName);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection, without a transaction (reads).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteDatabase, T> work, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it commits, or none of it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteDatabase, T> work, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return InTransaction(work);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous form of <see cref="ReadAsync{T}"/> for callers already on a worker thread.</summary>
    public T Read<T>(Func<SqliteDatabase, T> work)
    {
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous form of <see cref="WriteAsync{T}"/> for callers already on a worker thread.</summary>
    public T Write<T>(Func<SqliteDatabase, T> work)
    {
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return InTransaction(work);
        }
        finally
        {
            _gate.Release();
        }
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
        => Prepare(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = Prepare(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        var results = new List<T>();
        using var reader = Prepare(sql, parameters).ExecuteReader();
        while (reader.Read())
        {
            results.Add(map(reader));
        }

        return results;
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private T InTransaction<T>(Func<SqliteDatabase, T> work)
    {
        Execute("BEGIN IMMEDIATE;");
        try
        {
            var result = work(this);
            Execute("COMMIT;");
            return result;
        }
        catch
        {
            Execute("ROLLBACK;");
            throw;
        }
    }

    private SqliteCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
