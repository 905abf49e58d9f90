using ClipGeneration.Core.Records.DynamoDb;
using ClipGeneration.Core.Records.Sqlite;
using ClipGeneration.Core.Storage.S3;

namespace ClipGeneration.Core.Storage.Configuration;

/// <summary>Which media store serves clips (key <c>ClipGeneration:MediaStore</c>).</summary>
public enum MediaStoreKind
{
    /// <summary>Local folders only (the embedded default).</summary>
    Local,

    /// <summary>S3 for s3:// locations, with the local store still serving local paths (the command line's local manifests).</summary>
    S3,
}

/// <summary>Which clip record store keeps records (key <c>ClipGeneration:RecordStore</c>).</summary>
public enum RecordStoreKind
{
    /// <summary>A SQLite file (the embedded default).</summary>
    Sqlite,

    DynamoDb,
}

/// <summary>The storage choice read and validated from configuration by <see cref="ClipStorageFactory.ReadSettings"/>.</summary>
/// <param name="MediaStore">The media store kind.</param>
/// <param name="RecordStore">The record store kind.</param>
/// <param name="S3">Set when <paramref name="MediaStore"/> is S3.</param>
/// <param name="Sqlite">Set when <paramref name="RecordStore"/> is Sqlite.</param>
/// <param name="DynamoDb">Set when <paramref name="RecordStore"/> is DynamoDb.</param>
public sealed record ClipStorageSettings(
    MediaStoreKind MediaStore,
    RecordStoreKind RecordStore,
    S3StoreOptions? S3,
    SqliteClipRecordStoreOptions? Sqlite,
    DynamoDbClipRecordStoreOptions? DynamoDb);

/// <summary>The storage configuration is unusable; <see cref="Exception.Message"/> lists every problem, each naming its key.</summary>
public sealed class ClipStorageConfigurationException : Exception
{
    public ClipStorageConfigurationException(IReadOnlyList<string> problems)
        : base("Storage configuration is invalid: " + string.Join("; ", problems) + ".")
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
