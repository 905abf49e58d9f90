using System.Text.Json;

namespace ClipGeneration.Tests.Configuration;

public sealed class ConfigurationFilesTests
{
    // Keys whose values differ between a developer machine (local folder + SQLite) and docker-compose
    // (MinIO + DynamoDB Local) on purpose; every other key must have the same value in both files.
    private static readonly HashSet<string> EnvironmentSpecificKeys = new(StringComparer.Ordinal)
    {
        "ClipGeneration__MediaStore",
        "ClipGeneration__RecordStore",
        "ClipGeneration__DataDirectory",
        "ClipGeneration__LocalMediaRoot",
        "ClipGeneration__OutputLocation",
        "ClipGeneration__S3__ServiceUrl",
        "ClipGeneration__S3__ForcePathStyle",
        "ClipGeneration__S3__CompatibleEndpoint",
        "ClipGeneration__DynamoDb__ServiceUrl",
    };

    private static readonly string[] ComposeApps = ["functions", "host"];

    [Fact]
    public void HostJson_Parses_WithDurableAndWorkflowSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")));
        var root = document.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        var durable = root.GetProperty("extensions").GetProperty("durableTask");
        Assert.False(string.IsNullOrWhiteSpace(durable.GetProperty("hubName").GetString()));
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.Equal("NonRunningStates", durable.GetProperty("overridableExistingInstanceStates").GetString());
        Assert.True(root.GetProperty("clipGeneration").GetProperty("segmentConcurrency").GetInt32() > 0);
        Assert.False(root.TryGetProperty("extensionBundle", out _), "isolated .NET apps reference extensions as packages, not a bundle");
    }

    [Fact]
    public void LocalSettings_Parses_WithFunctionsBasics()
    {
        var values = LocalSettingsValues();

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void ComposeFile_Parses_WithEveryService()
    {
        var compose = ComposeFile.Read(RepositoryFiles.PathOf("docker-compose.yml"));

        Assert.Equal(["azurite", "minio", "minio-buckets", "dynamodb", "functions", "host"], compose.Services);
        Assert.Equal("dotnet-isolated", compose.Environments["functions"]["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Contains("AccountName=devstoreaccount1", compose.Environments["functions"]["AzureWebJobsStorage"], StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsKeys_AreFound()
    {
        var keys = ConfigurationKeys.All();

        Assert.Contains("ClipGeneration__AllowedBuckets", keys);
        Assert.Contains("ClipGeneration__MaxSegments", keys);
        Assert.DoesNotContain("ClipGeneration__AllowedBucketNames", keys);
    }

    [Fact]
    public void EveryHostJsonOptionsKey_IsInHostJson()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")));
        var missing = new List<string>();

        foreach (var key in ConfigurationKeys.HostJson())
        {
            var element = document.RootElement;
            foreach (var part in key.Split("__"))
            {
                var name = char.ToLowerInvariant(part[0]) + part[1..];
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    missing.Add(key);
                    break;
                }
            }
        }

        Assert.NotEmpty(ConfigurationKeys.HostJson());
        Assert.True(missing.Count == 0, "missing from host.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryOptionsKey_IsInLocalSettings()
    {
        var values = LocalSettingsValues();

        var missing = ConfigurationKeys.All().Where(key => !values.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, "missing from local.settings.json Values: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryOptionsKey_IsInBothComposeAppsWithConsistentValues()
    {
        var compose = ComposeFile.Read(RepositoryFiles.PathOf("docker-compose.yml"));
        var local = LocalSettingsValues();
        var problems = new List<string>();

        foreach (var key in ConfigurationKeys.All())
        {
            foreach (var app in ComposeApps)
            {
                if (!compose.Environments[app].TryGetValue(key, out var value))
                {
                    problems.Add($"{app}: {key} is missing");
                }
                else if (!EnvironmentSpecificKeys.Contains(key) && local.TryGetValue(key, out var localValue) && localValue != value)
                {
                    problems.Add($"{app}: {key} is '{value}', local.settings.json has '{localValue}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void ComposeApps_ShareEveryClipGenerationValue()
    {
        var compose = ComposeFile.Read(RepositoryFiles.PathOf("docker-compose.yml"));
        var functions = Settings(compose.Environments["functions"]);
        var host = Settings(compose.Environments["host"]);

        Assert.Equal(functions, host);
        Assert.Equal(LocalSettingsValues().Keys.Where(k => k.StartsWith("ClipGeneration__", StringComparison.Ordinal)).Order(StringComparer.Ordinal), functions.Keys);

        static SortedDictionary<string, string> Settings(Dictionary<string, string> environment)
            => new(environment.Where(e => e.Key.StartsWith("ClipGeneration__", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("services:\n  a:\n\timage: x\n", "tab")]
    [InlineData("services:\n   a:\n", "multiple of two")]
    [InlineData("services:\n  a:\n    just words\n", "neither")]
    [InlineData("services:\n  a:\n    environment:\n      - KEY=value\n", "map form")]
    public void ComposeFile_BadLine_IsRefusedWithItsLine(string text, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"compose-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, text);
        try
        {
            var exception = Assert.Throws<FormatException>(() => ComposeFile.Read(path));
            Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, string> LocalSettingsValues()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
