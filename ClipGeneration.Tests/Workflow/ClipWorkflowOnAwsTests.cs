using System.Net;
using Amazon.S3.Model;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Records.DynamoDb;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Local;
using ClipGeneration.Core.Storage.S3;
using ClipGeneration.Core.Timing;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Durable.Client;
using ClipGeneration.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Tests.Workflow;

/// <summary>
/// The clip workflow with the AWS adapters against real S3- and DynamoDB-compatible servers (s3rver, dynalite),
/// with the S3 endpoint failing every few requests with 503 SlowDown.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class ClipWorkflowOnAwsTests(WorkflowFixture fixture, S3rverFixture s3, DynaliteFixture dynamo)
    : IClassFixture<S3rverFixture>, IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task S3Answering503ForAWhile_ClipStillCompletesWithRecordInDynamoDb()
    {
        var s3Options = s3.CreateOptions();
        using var plainClient = S3ClientFactory.Create(s3Options);
        var recordingPrefix = $"recordings/{Guid.NewGuid():N}/";
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(fixture.Recording)!))
        {
            await plainClient.PutObjectAsync(new PutObjectRequest
            {
                BucketName = S3rverFixture.Bucket,
                Key = recordingPrefix + Path.GetFileName(file),
                FilePath = file,
                UseChunkEncoding = false,
            });
        }

        // Every 4th request to S3 fails with 503 SlowDown: the adapter's retries absorb them.
        var faults = new FaultInjectingHttpClientFactory(HttpStatusCode.ServiceUnavailable, "SlowDown", faults: 1000, everyNth: 4);
        var faultyClient = S3ClientFactory.Create(s3Options, faults);
        var records = DynamoDbClipRecordStore.Create(dynamo.CreateOptions());
        await using var host = await fixture.StartAsync(services =>
        {
            services.AddSingleton<IMediaStore>(new MediaStoreRouter([new S3MediaStore(faultyClient, s3Options), new LocalFolderMediaStore()]));
            services.AddSingleton<IClipRecordStore>(records);
        });
        var output = MediaLocation.S3(S3rverFixture.Bucket, "output/");
        var input = new ClipWorkflowInput(
            "on-aws",
            MediaLocation.S3(S3rverFixture.Bucket, recordingPrefix + "index.m3u8"),
            [new RequestedSegment(TimePoint.FromSeconds(2), TimePoint.FromSeconds(4)), new RequestedSegment(TimePoint.FromSeconds(8), TimePoint.FromSeconds(10))],
            ClipMode.Keyframe,
            "on S3",
            null,
            output,
            SegmentConcurrency: 2);

        await host.Engine.Client.ScheduleNewOrchestrationInstanceAsync(ClipWorkflowNames.Orchestrator, input, input.ClipId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var status = await host.Engine.Client.WaitForInstanceCompletionAsync(input.ClipId, cancellationToken: timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.True(faults.Handler.Injected > 0, "the fault injector must have failed some requests");
        var record = await records.GetAsync(input.ClipId, CancellationToken.None);
        Assert.Equal(ClipStatus.Processed, record!.Status);
        Assert.Equal($"s3://{S3rverFixture.Bucket}/output/clips/on-aws/on-aws.mp4", record.Output!.Uri);
        Assert.InRange(record.Output.DurationSeconds, 3.9, 4.15);
        Assert.Equal([ClipStatus.Processing, ClipStatus.Processed], record.StatusHistory.Select(h => h.Status));

        var stored = await plainClient.GetObjectMetadataAsync(S3rverFixture.Bucket, "output/clips/on-aws/on-aws.mp4");
        Assert.Equal(record.Output.SizeBytes, stored.ContentLength);
        var left = await plainClient.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverFixture.Bucket, Prefix = "output/clips/on-aws/" });
        Assert.Equal(["output/clips/on-aws/on-aws.mp4"], (left.S3Objects ?? []).Select(o => o.Key));
    }
}
