using ClipGeneration.Core.Media;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Core.Timing;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Durable.Testing;
using ClipGeneration.Tests.TestMedia;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Tests.Workflow;

/// <summary>
/// The clip workflow on the engine's test host with the embedded default adapters (local folder + SQLite) and
/// real ffmpeg: one 12 s recording made once, a fresh output folder and record database per fixture.
/// </summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("clipgen-workflow-").FullName;

    public string Recording { get; private set; } = string.Empty;

    public MediaLocation OutputRoot => MediaLocation.Local(Path.Combine(Root, "output") + "/");

    public async Task InitializeAsync() => Recording = await HlsRecording.GenerateAsync(Path.Combine(Root, "media", "rec"));

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Starts an engine running the clip workflow; activities retry fast so failure tests stay short.</summary>
    public async Task<WorkflowHost> StartAsync(Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClipGeneration:MediaStore"] = "Local",
            ["ClipGeneration:RecordStore"] = "Sqlite",
            ["ClipGeneration:Sqlite:DatabasePath"] = Path.Combine(Root, $"records-{Guid.NewGuid():N}.db"),
            ["ClipGeneration:WorkDirectory"] = Path.Combine(Root, "work"),
            ["ClipGeneration:Ffmpeg:Preset"] = "ultrafast",
            ["clipGeneration:segmentConcurrency"] = "3",
            ["clipGeneration:firstRetryInterval"] = "00:00:00.200",
            ["clipGeneration:maxRetryInterval"] = "00:00:00.500",
        }).Build();
        Directory.CreateDirectory(Path.Combine(Root, "work"));
        var services = new ServiceCollection().AddClipStorage(configuration).AddClipWorkflowServices(configuration);
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var host = await DurableTestHost.StartAsync(r => r.AddClipWorkflow(), o =>
        {
            o.Services = provider;
            o.MaxConcurrentActivityFunctions = 4;
        });
        return new WorkflowHost(host, provider, provider.GetRequiredService<IClipRecordStore>());
    }

    public ClipWorkflowInput Input(string clipId, string manifest, ClipMode mode, params IReadOnlyList<(double Start, double End)> ranges) => new(
        clipId,
        MediaLocation.Local(manifest),
        [.. ranges.Select(r => new RequestedSegment(TimePoint.FromSeconds(r.Start), TimePoint.FromSeconds(r.End)))],
        mode,
        null,
        null,
        OutputRoot,
        SegmentConcurrency: 3);
}

/// <summary>A running engine with the clip workflow, and the record store it writes to.</summary>
public sealed record WorkflowHost(DurableTestHost Engine, ServiceProvider Services, IClipRecordStore Records) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Services.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "Workflow";
}
