using ClipGeneration.Core.Aws;
using ClipGeneration.Core.Records.DynamoDb;

namespace ClipGeneration.Tests.TestServers;

/// <summary>A real dynalite 4.0.0 (in memory) on a free loopback port, shared by a test class.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private NodeTestServer? _server;

    public string ServiceUrl => _server?.Url ?? throw new InvalidOperationException("dynalite is not started");

    /// <summary>Settings for a fresh table (each test gets its own, created on first use).</summary>
    public DynamoDbClipRecordStoreOptions CreateOptions(string? tableName = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Region = "us-east-1",
        TableName = tableName ?? "clips-" + Guid.NewGuid().ToString("N")[..12],
        CreateTableIfMissing = true,
        AccessKey = "test",
        SecretKey = "test",
        Retry = new AwsRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10) },
    };

    public async Task InitializeAsync()
        => _server = await NodeTestServer.StartAsync("dynalite", ["--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"]);

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
