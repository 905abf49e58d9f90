using ClipGeneration.Core.Media;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.History;
using ClipGeneration.Tests.TestMedia;

namespace ClipGeneration.Tests.Workflow;

/// <summary>The clip workflow end to end on the embedded engine, local folder + SQLite, with real ffmpeg.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class ClipWorkflowTests(WorkflowFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ThreeSegmentClip_EndsProcessedWithMetadataAndHistoryProcessingThenProcessed()
    {
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("three-ranges", fixture.Recording, ClipMode.Keyframe, (2, 4), (6, 8), (8, 10));

        var status = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(ClipStatus.Processed, record.Status);
        Assert.Equal([ClipStatus.Processing, ClipStatus.Processed], record.StatusHistory.Select(h => h.Status));
        Assert.True(record.StatusHistory[0].At < record.StatusHistory[1].At, "status history timestamps must increase");
        var output = Assert.IsType<ClipOutput>(record.Output);
        Assert.Equal(input.FinalClip.ToString(), output.Uri);
        Assert.Equal((320, 180), (output.Width, output.Height));
        Assert.Equal("h264", output.VideoCodec);
        Assert.Equal("aac", output.AudioCodec);
        Assert.InRange(output.DurationSeconds, 5.9, 6.15);
        Assert.Equal(new FileInfo(input.FinalClip.Path).Length, output.SizeBytes);
        Assert.True(record.ProcessingSeconds > 0);
        Assert.False(Directory.Exists(input.SegmentsFolder.Path), "intermediate segments must be deleted");
        Assert.Equal([$"{input.ClipId}.mp4"], Directory.GetFiles(input.ClipFolder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CorruptChunk_EndsFailedAtExtractWithoutRetriesAndLeavesNothing()
    {
        var manifest = HlsRecording.CopyFolder(Path.GetDirectoryName(fixture.Recording)!, Path.Combine(fixture.Root, "media", "corrupt"));
        var corrupt = Path.Combine(Path.GetDirectoryName(manifest)!, HlsRecording.ChunkName(2));
        var noise = new byte[new FileInfo(corrupt).Length];
        new Random(7).NextBytes(noise);
        await File.WriteAllBytesAsync(corrupt, noise);
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("corrupt-chunk", manifest, ClipMode.Keyframe, (0, 2), (4.5, 5.5));

        var status = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Equal(ClipStatus.Failed, record!.Status);
        var error = Assert.IsType<ClipError>(record.Error);
        Assert.Equal(ClipWorkflowSteps.Extract, error.Step);
        Assert.Contains(HlsRecording.ChunkName(2), error.Message, StringComparison.Ordinal);
        Assert.Equal([ClipStatus.Processing, ClipStatus.Failed], record.StatusHistory.Select(h => h.Status));
        var history = await HistoryAsync(host, input.ClipId);
        Assert.Equal(2, history.Count(e => e.EventType == HistoryEventType.TaskScheduled && e.Name == ClipWorkflowNames.ExtractSegment));
        Assert.False(Directory.Exists(input.ClipFolder.Path), "a failed clip leaves nothing behind");
    }

    [Fact]
    public async Task MissingManifest_EndsFailedAtPlanNamingIt()
    {
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("missing-manifest", Path.Combine(fixture.Root, "media", "nowhere", "index.m3u8"), ClipMode.Keyframe, (0, 2));

        var status = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Equal(ClipWorkflowSteps.Plan, record!.Error!.Step);
        Assert.Contains("nowhere/index.m3u8", record.Error.Message, StringComparison.Ordinal);
        var history = await HistoryAsync(host, input.ClipId);
        Assert.Single(history, e => e.EventType == HistoryEventType.TaskScheduled && e.Name == ClipWorkflowNames.PlanClip);
    }

    [Fact]
    public async Task MissingChunk_EndsFailedAtExtractNamingTheChunk()
    {
        var manifest = HlsRecording.CopyFolder(Path.GetDirectoryName(fixture.Recording)!, Path.Combine(fixture.Root, "media", "missing-chunk"));
        File.Delete(Path.Combine(Path.GetDirectoryName(manifest)!, HlsRecording.ChunkName(1)));
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("missing-chunk", manifest, ClipMode.Keyframe, (2.5, 3.5));

        var status = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, status.RuntimeStatus);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Equal(ClipWorkflowSteps.Extract, record!.Error!.Step);
        Assert.Contains(HlsRecording.ChunkName(1), record.Error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(input.ClipFolder.Path));
    }

    [Fact]
    public async Task SameClipRequestedTwice_OneOrchestrationAndOneProcessingEntry()
    {
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("requested-twice", fixture.Recording, ClipMode.Keyframe, (0, 2));

        var schedules = await Task.WhenAll(
            host.Engine.Client.TryScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId),
            host.Engine.Client.TryScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId));
        using var timeout = new CancellationTokenSource(Deadline);
        await host.Engine.Client.WaitForInstanceCompletionAsync(input.ClipId, cancellationToken: timeout.Token);
        var again = await host.Engine.Client.TryScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId);

        Assert.Single(schedules, s => s.Created);
        Assert.False(again.Created);
        var page = await host.Engine.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = input.ClipId });
        Assert.Single(page.Instances);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Single(record!.StatusHistory, h => h.Status == ClipStatus.Processing);
        Assert.Equal(ClipStatus.Processed, record.Status);
    }

    [Fact]
    public async Task TwentyClipsRequestedAtOnce_AllEndProcessedWithTheirOwnFiles()
    {
        await using var host = await fixture.StartAsync();
        var inputs = Enumerable.Range(0, 20)
            .Select(i => fixture.Input($"burst-{i:00}", fixture.Recording, ClipMode.Keyframe, (i % 5 * 2, (i % 5 * 2) + 2)))
            .ToList();

        await Task.WhenAll(inputs.Select(i => host.Engine.Client.ScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, i, i.ClipId)));
        using var timeout = new CancellationTokenSource(Deadline);
        var statuses = await Task.WhenAll(inputs.Select(i => host.Engine.Client.WaitForInstanceCompletionAsync(i.ClipId, cancellationToken: timeout.Token)));

        Assert.All(statuses, s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s.RuntimeStatus));
        foreach (var input in inputs)
        {
            var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
            Assert.Equal(ClipStatus.Processed, record!.Status);
            Assert.Equal(input.FinalClip.ToString(), record.Output!.Uri);
            Assert.InRange(record.Output.DurationSeconds, 1.9, 2.15);
            Assert.True(File.Exists(input.FinalClip.Path), $"{input.FinalClip} is missing");
        }

        var processed = await host.Records.ListAsync(ClipStatus.Processed, 50, null, CancellationToken.None);
        Assert.Equal(20, processed.Items.Count);
    }

    [Fact]
    public async Task AccurateClip_DurationMatchesTheRangeWithinAFrame()
    {
        await using var host = await fixture.StartAsync();
        var input = fixture.Input("accurate", fixture.Recording, ClipMode.Accurate, (1.36, 3.12));

        var status = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        var record = await host.Records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Equal("accurate", record!.Mode);

        // One frame at 25 fps is 40 ms; AAC priming adds up to ~21 ms of audio at the head (Core/Media/README.md).
        Assert.InRange(record.Output!.DurationSeconds, 1.76 - 0.04, 1.76 + 0.065);
    }

    private static async Task<OrchestrationMetadata> RunAsync(WorkflowHost host, ClipWorkflowInput input)
    {
        await host.Engine.Client.ScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId);
        using var timeout = new CancellationTokenSource(Deadline);
        return await host.Engine.Client.WaitForInstanceCompletionAsync(input.ClipId, cancellationToken: timeout.Token);
    }

    private static async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(WorkflowHost host, string instanceId)
    {
        var status = await host.Engine.Client.GetInstanceAsync(instanceId, getHistory: true);
        return status!.History!;
    }
}
