namespace ClipGeneration.Core.Records.Sqlite;

/// <summary>Settings of the SQLite clip record store (section <c>ClipGeneration:Sqlite</c>).</summary>
public sealed class SqliteClipRecordStoreOptions
{
    public const string SectionName = "ClipGeneration:Sqlite";

    /// <summary>Gets or sets the database file; its folder is created when missing. Hosts default it to <c>{data}/clips.db</c>.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>Gets or sets how long a writer waits for another writer's lock before failing (default 5 s).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            problems.Add($"{SectionName}:DatabasePath is required (a file path for the clip records database)");
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{SectionName}:BusyTimeout must be between 0 and 5 minutes (was {BusyTimeout})");
        }

        return problems;
    }
}
