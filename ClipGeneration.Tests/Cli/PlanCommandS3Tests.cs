using Amazon.S3.Model;
using ClipGeneration.Core.Storage.S3;
using ClipGeneration.Tests.TestMedia;
using ClipGeneration.Tests.TestServers;

namespace ClipGeneration.Tests.Cli;

/// <summary>`clipgen plan` on an s3:// manifest, as a real process, against s3rver.</summary>
public sealed class PlanCommandS3Tests(S3rverFixture s3) : IClassFixture<S3rverFixture>, IAsyncLifetime
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "ClipGeneration.Host.dll");
    private readonly string _folder = Directory.CreateTempSubdirectory("clipgen-plan-s3-").FullName;
    private readonly string _prefix = $"recordings/{Guid.NewGuid():N}/";

    public async Task InitializeAsync()
    {
        var playlist = await HlsRecording.GenerateAsync(Path.Combine(_folder, "rec"), seconds: 6);
        using var client = S3ClientFactory.Create(s3.CreateOptions());
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(playlist)!))
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = _prefix + Path.GetFileName(file), FilePath = file, UseChunkEncoding = false });
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Plan_S3ManifestWithS3Configured_ListsS3Chunks()
    {
        var options = s3.CreateOptions();
        var environment = new Dictionary<string, string>
        {
            ["ClipGeneration__MediaStore"] = "S3",
            ["ClipGeneration__OutputLocation"] = $"s3://{S3rverFixture.Bucket}/output/",
            ["ClipGeneration__S3__ServiceUrl"] = options.ServiceUrl!,
            ["ClipGeneration__S3__ForcePathStyle"] = "true",
            ["ClipGeneration__S3__CompatibleEndpoint"] = "true",
            ["ClipGeneration__S3__AccessKey"] = "S3RVER",
            ["ClipGeneration__S3__SecretKey"] = "S3RVER",
        };

        var (code, stdout, stderr) = await TestProcess.RunAsync(
            "dotnet", [HostDll, "plan", "--manifest", $"s3://{S3rverFixture.Bucket}/{_prefix}index.m3u8", "--range", "2.5/3.5", "--json", "--data", _folder], _folder, environment: environment);

        Assert.True(code == 0, stderr);
        Assert.Contains($"\"chunks\":[\"s3://{S3rverFixture.Bucket}/{_prefix}{HlsRecording.ChunkName(1)}\"]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_S3ManifestWithoutS3Configured_ExitsTwoSayingWhatToSet()
    {
        var environment = new Dictionary<string, string> { ["ClipGeneration__MediaStore"] = "Local" };

        var (code, _, stderr) = await TestProcess.RunAsync(
            "dotnet", [HostDll, "plan", "--manifest", $"s3://{S3rverFixture.Bucket}/{_prefix}index.m3u8", "--range", "2/3", "--data", _folder], _folder, environment: environment);

        Assert.Equal(2, code);
        Assert.Contains("ClipGeneration__MediaStore=S3", stderr, StringComparison.Ordinal);
    }
}
