using ClipGeneration.Core.Records;
using ClipGeneration.Core.Records.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClipGeneration.Tests.Records;

public sealed class SqliteClipRecordStoreTests : ClipRecordStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sqlite-records-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteClipRecordStore _store;

    public SqliteClipRecordStoreTests()
    {
        _store = new SqliteClipRecordStore(new SqliteClipRecordStoreOptions { DatabasePath = Path.Combine(_directory, "nested", "clips.db") });
    }

    protected override IClipRecordStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task CreateAsync_FreshFile_UsesWalAndSchemaVersionAndSurvivesReopen()
    {
        await _store.CreateAsync(NewRecord("c1"), "i1:create", default);

        await using (var connection = new SqliteConnection($"Data Source={_store.DatabasePath}"))
        {
            await connection.OpenAsync();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA user_version;"));
            Assert.Equal("processing", await ScalarAsync(connection, "SELECT status FROM clip_records WHERE clip_id = 'c1';"));
        }

        using var reopened = new SqliteClipRecordStore(new SqliteClipRecordStoreOptions { DatabasePath = _store.DatabasePath });
        Assert.Equal("c1", (await reopened.GetAsync("c1", default))!.ClipId);
    }

    [Fact]
    public async Task GetAsync_NewerSchemaVersion_ThrowsNamingTheFile()
    {
        await _store.CreateAsync(NewRecord("c1"), "i1:create", default);
        await using (var connection = new SqliteConnection($"Data Source={_store.DatabasePath}"))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, "PRAGMA user_version = 99;");
        }

        using var reopened = new SqliteClipRecordStore(new SqliteClipRecordStoreOptions { DatabasePath = _store.DatabasePath });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.GetAsync("c1", default));

        Assert.Contains(_store.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoDatabasePath_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteClipRecordStore(new SqliteClipRecordStoreOptions()));

        Assert.Contains("ClipGeneration:Sqlite:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
