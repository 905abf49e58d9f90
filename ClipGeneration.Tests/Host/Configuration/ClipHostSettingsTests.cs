using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Host.Configuration;

namespace ClipGeneration.Tests.Host.Configuration;

public sealed class ClipHostSettingsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clipgen-config-" + Guid.NewGuid().ToString("N"));

    public ClipHostSettingsTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_RepositoryFiles_ReadsHostJsonAndValues()
    {
        WriteHostJson(hubName: "Hub1", activities: 6, segments: 5);
        WriteLocalSettings(("ClipGeneration__ApiKeys", "k1, k2"), ("ClipGeneration__AllowedBuckets", "recordings"), ("ClipGeneration__MaxSegments", "5"), ("ClipGeneration__MaxTotalSeconds", "90.5"));

        var settings = Load(new Dictionary<string, string?>());

        Assert.Equal("Hub1", settings.HubName);
        Assert.Equal(6, settings.MaxConcurrentActivityFunctions);
        Assert.Equal(5, settings.SegmentConcurrency);
        Assert.Equal(["k1", "k2"], settings.ApiKeys);
        Assert.Equal("recordings", settings.Requests.AllowedBuckets);
        Assert.Equal(5, settings.Requests.MaxSegments);
        Assert.Equal(90.5, settings.Requests.MaxTotalSeconds);
        Assert.Equal(settings.LocalMediaRoot, settings.Requests.LocalMediaRoot);
        Assert.Equal(MediaStoreKind.Local, settings.MediaStore);
        Assert.Equal(Path.Combine(_root, ".clipgen"), settings.DataDirectory);
        Assert.Equal(Path.Combine(_root, ".clipgen", "media"), settings.LocalMediaRoot);
        Assert.Equal(MediaLocation.Parse(Path.Combine(_root, ".clipgen", "output") + "/"), settings.OutputLocation);
    }

    [Fact]
    public void Load_EnvironmentVariable_OverridesValuesAndHostJson()
    {
        WriteHostJson(hubName: "Hub1", activities: 6, segments: 5);
        WriteLocalSettings(("ClipGeneration__ApiKeys", "from-file"));

        var settings = Load(new Dictionary<string, string?>
        {
            ["ClipGeneration__ApiKeys"] = "from-env",
            ["clipGeneration__segmentConcurrency"] = "2",
            ["extensions__durableTask__hubName"] = "EnvHub",
            ["extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:02",
        });

        Assert.Equal(["from-env"], settings.ApiKeys);
        Assert.Equal(2, settings.SegmentConcurrency);
        Assert.Equal("EnvHub", settings.HubName);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.LeaseDuration);
    }

    [Fact]
    public void Load_DataOverride_MovesMediaRootAndOutputConfiguredInsideTheOldDataDirectory()
    {
        WriteLocalSettings(("ClipGeneration__DataDirectory", ".clipgen"), ("ClipGeneration__LocalMediaRoot", ".clipgen/media"));
        var data = Path.Combine(_root, "elsewhere");

        var settings = Load(new Dictionary<string, string?>(), data);

        Assert.Equal(data, settings.DataDirectory);
        Assert.Equal(Path.Combine(data, "media"), settings.LocalMediaRoot);
        Assert.Equal(Path.Combine(data, "durable.db"), settings.DurableDatabasePath);
        Assert.Equal(MediaLocation.Parse(Path.Combine(data, "output") + "/"), settings.OutputLocation);
    }

    [Fact]
    public void Load_DataOverride_KeepsMediaRootConfiguredOutsideTheDataDirectory()
    {
        WriteLocalSettings(("ClipGeneration__LocalMediaRoot", "/srv/recordings"));

        var settings = Load(new Dictionary<string, string?>(), Path.Combine(_root, "d"));

        Assert.Equal("/srv/recordings", settings.LocalMediaRoot);
    }

    [Fact]
    public void Load_ManyBadSettings_OneExceptionListsEveryProblem()
    {
        WriteHostJson(hubName: "Hub", activities: 0, segments: 3);
        WriteLocalSettings(
            ("ClipGeneration__MediaStore", "Ftp"),
            ("ClipGeneration__RecordStore", "DynamoDb"),
            ("ClipGeneration__DynamoDb__TableName", ""),
            ("ClipGeneration__Logging__Json", "maybe"),
            ("ClipGeneration__MaxRequestBodyBytes", "lots"),
            ("ClipGeneration__MaxSegmentSeconds", "-1"));

        var error = Assert.Throws<HostConfigurationException>(() => Load(new Dictionary<string, string?>()));

        Assert.Contains("extensions:durableTask:maxConcurrentActivityFunctions must be a whole number >= 1 (was '0')", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:MediaStore must be one of Local | S3 (was 'Ftp')", error.Message, StringComparison.Ordinal);
        Assert.Contains("TableName", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:Logging:Json must be true or false (was 'maybe')", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:MaxRequestBodyBytes must be a whole number >= 1 (was 'lots')", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:MaxSegmentSeconds must be a number > 0 (was '-1')", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Problems.Count);
    }

    [Fact]
    public void Load_S3WithoutBucket_SaysOutputLocationMustBeAnS3Uri()
    {
        WriteLocalSettings(("ClipGeneration__MediaStore", "S3"), ("ClipGeneration__OutputLocation", ""));

        var error = Assert.Throws<HostConfigurationException>(() => Load(new Dictionary<string, string?>()));

        Assert.Equal(["ClipGeneration:OutputLocation must be an s3://bucket/prefix URI when ClipGeneration:MediaStore is S3 (was '')"], error.Problems);
    }

    [Fact]
    public void Load_S3WithBucket_UsesItAsOutput()
    {
        WriteLocalSettings(("ClipGeneration__MediaStore", "s3"), ("ClipGeneration__OutputLocation", "s3://clips-out/generated"));

        var settings = Load(new Dictionary<string, string?>());

        Assert.Equal(MediaStoreKind.S3, settings.MediaStore);
        Assert.Equal(MediaLocation.Parse("s3://clips-out/generated/"), settings.OutputLocation);
    }

    [Fact]
    public void Build_MalformedHostJson_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(_root, "host.json"), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => ClipHostConfiguration.Build(_root, new Dictionary<string, string?>()));

        Assert.Contains("host.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ValuesThatAreNotAnObject_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """{ "Values": [1, 2] }""");

        var error = Assert.Throws<InvalidDataException>(() => ClipHostConfiguration.Build(_root, new Dictionary<string, string?>()));

        Assert.Contains("local.settings.json: 'Values' must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_NoVariable_WalksUpToTheSolution()
    {
        File.WriteAllText(Path.Combine(_root, "ClipGeneration.sln"), string.Empty);
        var nested = Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName;

        Assert.Equal(_root, RepositoryRootLocator.Locate(null, nested, "/app"));
        Assert.Equal(_root, RepositoryRootLocator.Locate(Path.Combine(_root, "missing"), nested, "/app"));
        Assert.Equal(nested, RepositoryRootLocator.Locate(nested, "/", "/app"));
        Assert.Equal("/app", RepositoryRootLocator.Locate(null, "/", "/app"));
    }

    [Fact]
    public void Load_TheRepositorysOwnFiles_AreValid()
    {
        var repository = RepositoryRootLocator.Locate(null, AppContext.BaseDirectory, AppContext.BaseDirectory);

        var settings = ClipHostSettings.Load(ClipHostConfiguration.Build(repository, new Dictionary<string, string?>()), _root);

        Assert.Equal("ClipGeneration", settings.HubName);
        Assert.NotEmpty(settings.ApiKeys);
    }

    private ClipHostSettings Load(Dictionary<string, string?> environment, string? data = null)
        => ClipHostSettings.Load(ClipHostConfiguration.Build(_root, environment, data), _root);

    private void WriteHostJson(string hubName, int activities, int segments)
        => File.WriteAllText(Path.Combine(_root, "host.json"), $$"""
            {
              "version": "2.0",
              "extensions": { "durableTask": { "hubName": "{{hubName}}", "maxConcurrentActivityFunctions": {{activities}}, "maxConcurrentOrchestratorFunctions": 2 } },
              "clipGeneration": { "segmentConcurrency": {{segments}} }
            }
            """);

    private void WriteLocalSettings(params (string Key, string Value)[] values)
        => File.WriteAllText(
            Path.Combine(_root, "local.settings.json"),
            System.Text.Json.JsonSerializer.Serialize(new { IsEncrypted = false, Values = values.ToDictionary(v => v.Key, v => v.Value) }));
}
