using Amazon.S3.Model;
using ClipGeneration.Core.Aws;
using ClipGeneration.Core.Storage.S3;

namespace ClipGeneration.Tests.TestServers;

/// <summary>A real s3rver 3.7.1 on a free loopback port with the bucket <see cref="Bucket"/>, shared by a test class.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "clips-test";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "s3rver-" + Guid.NewGuid().ToString("N"));
    private NodeTestServer? _server;

    public string ServiceUrl => _server?.Url ?? throw new InvalidOperationException("s3rver is not started");

    /// <summary>Settings for the S3-compatible endpoint mode s3rver needs, with fast retries.</summary>
    public S3StoreOptions CreateOptions() => new()
    {
        ServiceUrl = ServiceUrl,
        Region = "us-east-1",
        ForcePathStyle = true,
        CompatibleEndpoint = true,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        MultipartThresholdBytes = 5L * 1024 * 1024,
        PartSizeBytes = 5L * 1024 * 1024,
        Retry = new AwsRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10) },
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = await NodeTestServer.StartAsync("s3rver", ["-d", _directory, "-a", "127.0.0.1", "-p", "{port}", "--silent"]);
        using var client = S3ClientFactory.Create(CreateOptions());
        await client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
