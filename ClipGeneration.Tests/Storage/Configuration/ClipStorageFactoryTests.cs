using ClipGeneration.Core.Records;
using ClipGeneration.Core.Records.DynamoDb;
using ClipGeneration.Core.Records.Sqlite;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Core.Storage.Local;
using ClipGeneration.Core.Storage.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Tests.Storage.Configuration;

public sealed class ClipStorageFactoryTests
{
    [Fact]
    public void ReadSettings_Empty_DefaultsToLocalAndSqliteAtDefaultPath()
    {
        var settings = ClipStorageFactory.ReadSettings(Config(), "/data/clips.db");

        Assert.Equal(MediaStoreKind.Local, settings.MediaStore);
        Assert.Equal(RecordStoreKind.Sqlite, settings.RecordStore);
        Assert.Equal("/data/clips.db", settings.Sqlite!.DatabasePath);
        Assert.Null(settings.S3);
    }

    [Fact]
    public void ReadSettings_S3AndDynamoDb_BindsEveryKey()
    {
        var settings = ClipStorageFactory.ReadSettings(Config(
            ("ClipGeneration:MediaStore", "s3"),
            ("ClipGeneration:RecordStore", "DynamoDb"),
            ("ClipGeneration:S3:ServiceUrl", "http://127.0.0.1:4569"),
            ("ClipGeneration:S3:ForcePathStyle", "true"),
            ("ClipGeneration:S3:CompatibleEndpoint", "true"),
            ("ClipGeneration:S3:AccessKey", "S3RVER"),
            ("ClipGeneration:S3:SecretKey", "S3RVER"),
            ("ClipGeneration:S3:MultipartThresholdBytes", "10485760"),
            ("ClipGeneration:S3:PartSizeBytes", "5242880"),
            ("ClipGeneration:DynamoDb:ServiceUrl", "http://127.0.0.1:4567"),
            ("ClipGeneration:DynamoDb:TableName", "Clips"),
            ("ClipGeneration:DynamoDb:CreateTableIfMissing", "true")));

        Assert.Equal(MediaStoreKind.S3, settings.MediaStore);
        Assert.Equal("us-east-1", settings.S3!.Region);
        Assert.True(settings.S3.CompatibleEndpoint);
        Assert.True(settings.S3.ForcePathStyle);
        Assert.Equal(5_242_880, settings.S3.PartSizeBytes);
        Assert.Equal("Clips", settings.DynamoDb!.TableName);
        Assert.True(settings.DynamoDb.CreateTableIfMissing);
    }

    [Fact]
    public void ReadSettings_EveryProblem_ListedInOneException()
    {
        var error = Assert.Throws<ClipStorageConfigurationException>(() => ClipStorageFactory.ReadSettings(Config(
            ("ClipGeneration:MediaStore", "S3"),
            ("ClipGeneration:RecordStore", "Postgres"),
            ("ClipGeneration:S3:PartSizeBytes", "12"),
            ("ClipGeneration:S3:AccessKey", "only-one"))));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("ClipGeneration:RecordStore must be one of Sqlite | DynamoDb (was 'Postgres')", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:S3:PartSizeBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:S3:AccessKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSettings_UnconvertibleValueAndMissingSqlitePath_BothListed()
    {
        var error = Assert.Throws<ClipStorageConfigurationException>(() => ClipStorageFactory.ReadSettings(Config(
            ("ClipGeneration:MediaStore", "S3"),
            ("ClipGeneration:S3:PartSizeBytes", "lots"))));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("ClipGeneration:S3:", StringComparison.Ordinal) && p.Contains("lots", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("ClipGeneration:Sqlite:DatabasePath", StringComparison.Ordinal));
    }

    [Fact]
    public void AddClipStorage_S3AndDynamoDb_ResolvesRouterAndDynamoStore()
    {
        var services = new ServiceCollection().AddClipStorage(Config(
            ("ClipGeneration:MediaStore", "S3"),
            ("ClipGeneration:RecordStore", "DynamoDb"),
            ("ClipGeneration:S3:ServiceUrl", "http://127.0.0.1:1"),
            ("ClipGeneration:S3:ForcePathStyle", "true"),
            ("ClipGeneration:DynamoDb:ServiceUrl", "http://127.0.0.1:1"),
            ("ClipGeneration:DynamoDb:AccessKey", "a"),
            ("ClipGeneration:DynamoDb:SecretKey", "b")));
        using var provider = services.BuildServiceProvider();

        var media = Assert.IsType<MediaStoreRouter>(provider.GetRequiredService<IMediaStore>());
        Assert.Collection(media.Stores, s => Assert.IsType<S3MediaStore>(s), s => Assert.IsType<LocalFolderMediaStore>(s));
        Assert.IsType<DynamoDbClipRecordStore>(provider.GetRequiredService<IClipRecordStore>());
    }

    [Fact]
    public void AddClipStorage_Defaults_ResolvesLocalAndSqlite()
    {
        using var provider = new ServiceCollection().AddClipStorage(Config(), "/tmp/clipgen-unused/clips.db").BuildServiceProvider();

        var media = Assert.IsType<MediaStoreRouter>(provider.GetRequiredService<IMediaStore>());
        Assert.IsType<LocalFolderMediaStore>(Assert.Single(media.Stores));
        Assert.IsType<SqliteClipRecordStore>(provider.GetRequiredService<IClipRecordStore>());
    }

    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
