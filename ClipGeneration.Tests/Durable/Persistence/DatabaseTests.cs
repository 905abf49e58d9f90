using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;
using Microsoft.Data.Sqlite;

namespace ClipGeneration.Tests.Durable.Persistence;

public sealed class DatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("durable-db-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hub.db");

    [Fact]
    public void Open_NewFile_UsesWalAndRecordsTheLatestSchemaVersion()
    {
        using (SqliteDatabase.Open(DatabasePath, "HubA"))
        {
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal((long)SchemaMigrations.LatestVersion, command.ExecuteScalar());
    }

    [Fact]
    public void Open_SecondTime_KeepsDataAndDoesNotMigrateAgain()
    {
        using (var first = SqliteDatabase.Open(DatabasePath, "HubA"))
        {
            first.Write(db => db.Execute("INSERT INTO instances (instance_id, name, status, created_at, updated_at) VALUES ('a', 'n', 'Pending', 0, 0)"));
        }

        using var second = SqliteDatabase.Open(DatabasePath, "HubA");
        Assert.Equal(1L, second.Write(db => db.Scalar("SELECT COUNT(*) FROM instances")));
    }

    [Fact]
    public void Open_FileOfAnotherHub_IsRefusedNamingBothHubs()
    {
        using (SqliteDatabase.Open(DatabasePath, "HubA"))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(DatabasePath, "HubB"));
        Assert.Contains("'HubA'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'HubB'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SchemaNewerThanTheEngine_IsRefused()
    {
        using (var database = SqliteDatabase.Open(DatabasePath, "HubA"))
        {
            database.Write(db => db.Execute("UPDATE schema_version SET version = 99"));
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(DatabasePath, "HubA"));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralInvalidSettings_OneErrorListsThemAll()
    {
        var options = new DurableEngineOptions
        {
            DatabasePath = " ",
            MaxConcurrentActivityFunctions = 0,
            LeaseDuration = TimeSpan.Zero,
            MaxPayloadBytes = 10,
        };

        var error = Assert.Throws<ArgumentException>(() => new DurableEngine(new OrchestrationRegistry(), options));

        Assert.Contains("DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentActivityFunctions", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeaseDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPayloadBytes", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
