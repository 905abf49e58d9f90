using ClipGeneration.Core.Records;
using ClipGeneration.Core.Records.DynamoDb;
using ClipGeneration.Core.Records.Sqlite;
using ClipGeneration.Core.Storage.Local;
using ClipGeneration.Core.Storage.S3;
using Microsoft.Extensions.Configuration;

namespace ClipGeneration.Core.Storage.Configuration;

/// <summary>
/// Picks and builds the storage adapters from configuration: <c>ClipGeneration:MediaStore</c> (Local | S3, default Local)
/// with <c>ClipGeneration:S3</c>, and <c>ClipGeneration:RecordStore</c> (Sqlite | DynamoDb, default Sqlite) with
/// <c>ClipGeneration:Sqlite</c> or <c>ClipGeneration:DynamoDb</c>.
/// </summary>
/// <remarks>
/// All settings are validated in <see cref="ReadSettings"/>, which throws one <see cref="ClipStorageConfigurationException"/>
/// listing every problem (unknown kinds, values that do not bind, invalid options), so a host fails at startup, not on its
/// first clip. Only the sections of the chosen adapters are read.
/// </remarks>
public static class ClipStorageFactory
{
    public const string MediaStoreKey = "ClipGeneration:MediaStore";

    public const string RecordStoreKey = "ClipGeneration:RecordStore";

    /// <summary>Reads and validates the storage choice.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="defaultSqlitePath">Used when <c>ClipGeneration:Sqlite:DatabasePath</c> is empty (hosts pass <c>{data}/clips.db</c>).</param>
    /// <exception cref="ClipStorageConfigurationException">Every problem, in one message.</exception>
    public static ClipStorageSettings ReadSettings(IConfiguration configuration, string? defaultSqlitePath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var media = ParseKind(configuration[MediaStoreKey], MediaStoreKind.Local, MediaStoreKey, problems);
        var records = ParseKind(configuration[RecordStoreKey], RecordStoreKind.Sqlite, RecordStoreKey, problems);

        S3StoreOptions? s3 = null;
        if (media == MediaStoreKind.S3)
        {
            s3 = Bind<S3StoreOptions>(configuration, S3StoreOptions.SectionName, problems);
            problems.AddRange(s3?.Validate() ?? []);
        }

        SqliteClipRecordStoreOptions? sqlite = null;
        DynamoDbClipRecordStoreOptions? dynamo = null;
        if (records == RecordStoreKind.Sqlite)
        {
            sqlite = Bind<SqliteClipRecordStoreOptions>(configuration, SqliteClipRecordStoreOptions.SectionName, problems);
            if (sqlite is not null && string.IsNullOrWhiteSpace(sqlite.DatabasePath) && !string.IsNullOrWhiteSpace(defaultSqlitePath))
            {
                sqlite.DatabasePath = defaultSqlitePath;
            }

            problems.AddRange(sqlite?.Validate() ?? []);
        }
        else if (records == RecordStoreKind.DynamoDb)
        {
            dynamo = Bind<DynamoDbClipRecordStoreOptions>(configuration, DynamoDbClipRecordStoreOptions.SectionName, problems);
            problems.AddRange(dynamo?.Validate() ?? []);
        }

        if (problems.Count > 0)
        {
            throw new ClipStorageConfigurationException(problems);
        }

        return new ClipStorageSettings(media!.Value, records!.Value, s3, sqlite, dynamo);
    }

    /// <summary>The media store for these settings: a router over the local store and, when chosen, the S3 store.</summary>
    public static MediaStoreRouter CreateMediaStore(ClipStorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IMediaStore local = new LocalFolderMediaStore();
        return settings.MediaStore == MediaStoreKind.S3
            ? new MediaStoreRouter([S3MediaStore.Create(settings.S3!), local])
            : new MediaStoreRouter([local]);
    }

    public static IClipRecordStore CreateRecordStore(ClipStorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.RecordStore == RecordStoreKind.DynamoDb
            ? DynamoDbClipRecordStore.Create(settings.DynamoDb!)
            : new SqliteClipRecordStore(settings.Sqlite!);
    }

    private static TKind? ParseKind<TKind>(string? text, TKind fallback, string key, List<string> problems)
        where TKind : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (Enum.TryParse<TKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text.Trim()[0]))
        {
            return kind;
        }

        problems.Add($"{key} must be one of {string.Join(" | ", Enum.GetNames<TKind>())} (was '{text}')");
        return null;
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the value it could not convert (e.g. "abc" for an Int64).
            problems.Add($"{section}: {e.Message}");
            return null;
        }
    }
}
