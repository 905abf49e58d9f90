using ClipGeneration.Core.Records;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Tests.Records;

/// <summary>The behaviour every <see cref="IClipRecordStore"/> must show; run against SQLite and DynamoDB (dynalite).</summary>
public abstract class ClipRecordStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, 123, TimeSpan.Zero);

    protected abstract IClipRecordStore Store { get; }

    [Fact]
    public async Task CreateAsync_New_StoresProcessingWithOneHistoryEntry()
    {
        var result = await Store.CreateAsync(NewRecord("c1"), "i1:create", default);
        var read = await Store.GetAsync("c1", default);

        Assert.Equal(RecordWriteOutcome.Applied, result.Outcome);
        Assert.NotNull(read);
        Assert.Equal(ClipStatus.Processing, read.Status);
        Assert.Equal("s3://recordings/stream42/index.m3u8", read.Manifest);
        Assert.Equal("keyframe", read.Mode);
        Assert.Equal("Best play", read.Title);
        Assert.Equal(T0, read.CreatedAt);
        Assert.Equal(T0, read.UpdatedAt);
        Assert.Equal(2, read.Segments.Count);
        Assert.Equal(65.5, read.Segments[0].StartTime.OffsetSeconds);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:04:10Z", System.Globalization.CultureInfo.InvariantCulture), read.Segments[1].StartTime.Instant);
        var entry = Assert.Single(read.StatusHistory);
        Assert.Equal(new StatusHistoryEntry(ClipStatus.Processing, T0, "create", null, "i1:create"), entry);
        Assert.Null(read.Output);
        Assert.Null(read.Error);
    }

    [Fact]
    public async Task CreateAsync_SameTransitionTwice_SecondIsRepeatedAndRecordUnchanged()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);

        var again = await Store.CreateAsync(NewRecord("c1") with { Title = "other", CreatedAt = T0.AddMinutes(1) }, "i1:create", default);

        Assert.Equal(RecordWriteOutcome.Repeated, again.Outcome);
        Assert.False(again.Applied);
        Assert.Equal("Best play", again.Record.Title);
        Assert.Single((await Store.GetAsync("c1", default))!.StatusHistory);
    }

    [Fact]
    public async Task CreateAsync_ExistsFromAnotherTransition_ReportsAlreadyExistsAndKeepsRecord()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);

        var other = await Store.CreateAsync(NewRecord("c1") with { Title = "other" }, "i2:create", default);

        Assert.Equal(RecordWriteOutcome.AlreadyExists, other.Outcome);
        Assert.Equal("Best play", (await Store.GetAsync("c1", default))!.Title);
    }

    [Fact]
    public async Task CreateAsync_NotProcessing_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(NewRecord("c1") with { Status = ClipStatus.Processed }, "t", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(NewRecord("c1"), " ", default));
        Assert.Null(await Store.GetAsync("c1", default));
    }

    [Fact]
    public async Task MarkProcessedAsync_RunTwiceWithSameTransition_AppendsHistoryOnce()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);

        var first = await Store.MarkProcessedAsync("c1", Output("c1"), 12.5, T0.AddSeconds(12.5), "i1:complete", default);
        var second = await Store.MarkProcessedAsync("c1", Output("c1"), 99, T0.AddSeconds(99), "i1:complete", default);
        var read = (await Store.GetAsync("c1", default))!;

        Assert.Equal(RecordWriteOutcome.Applied, first.Outcome);
        Assert.Equal(RecordWriteOutcome.Repeated, second.Outcome);
        Assert.Equal(ClipStatus.Processed, read.Status);
        Assert.Equal(Output("c1"), read.Output);
        Assert.Equal(12.5, read.ProcessingSeconds);
        Assert.Equal(T0.AddSeconds(12.5), read.UpdatedAt);
        Assert.Equal(T0, read.CreatedAt);
        Assert.Equal([ClipStatus.Processing, ClipStatus.Processed], read.StatusHistory.Select(e => e.Status));
        Assert.Equal(new StatusHistoryEntry(ClipStatus.Processed, T0.AddSeconds(12.5), "complete", Output("c1").Uri, "i1:complete"), read.StatusHistory[1]);
        Assert.True(read.StatusHistory[0].At < read.StatusHistory[1].At);
    }

    [Fact]
    public async Task MarkProcessedAsync_SecondWithDifferentTransition_ThrowsAndRecordUnchanged()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);
        await Store.MarkProcessedAsync("c1", Output("c1"), 12.5, T0.AddSeconds(12.5), "i1:complete", default);
        var before = (await Store.GetAsync("c1", default))!;

        var error = await Assert.ThrowsAsync<IllegalClipTransitionException>(
            () => Store.MarkProcessedAsync("c1", Output("c1") with { SizeBytes = 1 }, 50, T0.AddSeconds(50), "i2:complete", default));

        Assert.Equal(ClipStatus.Processed, error.From);
        Assert.Equal(ClipStatus.Processed, error.To);
        Assert.Contains("'c1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'processed' to 'processed'", error.Message, StringComparison.Ordinal);
        AssertSameRecord(before, (await Store.GetAsync("c1", default))!);
    }

    [Fact]
    public async Task MarkProcessedAsync_AfterFailed_ThrowsAndRecordUnchanged()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);
        await Store.MarkFailedAsync("c1", Error(), T0.AddSeconds(3), "i1:fail", default);
        var before = (await Store.GetAsync("c1", default))!;

        var error = await Assert.ThrowsAsync<IllegalClipTransitionException>(
            () => Store.MarkProcessedAsync("c1", Output("c1"), 5, T0.AddSeconds(5), "i1:complete", default));

        Assert.Equal(ClipStatus.Failed, error.From);
        Assert.Equal(ClipStatus.Processed, error.To);
        Assert.IsAssignableFrom<ClipGeneration.Core.Orchestration.INonRetryableFailure>(error);
        AssertSameRecord(before, (await Store.GetAsync("c1", default))!);
    }

    [Fact]
    public async Task MarkFailedAsync_AfterProcessed_ThrowsAndRecordUnchanged()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);
        await Store.MarkProcessedAsync("c1", Output("c1"), 12.5, T0.AddSeconds(12.5), "i1:complete", default);
        var before = (await Store.GetAsync("c1", default))!;

        await Assert.ThrowsAsync<IllegalClipTransitionException>(() => Store.MarkFailedAsync("c1", Error(), T0.AddSeconds(20), "i1:fail", default));

        AssertSameRecord(before, (await Store.GetAsync("c1", default))!);
    }

    [Fact]
    public async Task MarkFailedAsync_Processing_CarriesErrorAndHistory()
    {
        await Store.CreateAsync(NewRecord("c1"), "i1:create", default);

        var result = await Store.MarkFailedAsync("c1", Error(), T0.AddSeconds(3), "i1:fail", default);
        var repeat = await Store.MarkFailedAsync("c1", Error(), T0.AddSeconds(4), "i1:fail", default);
        var read = (await Store.GetAsync("c1", default))!;

        Assert.True(result.Applied);
        Assert.Equal(RecordWriteOutcome.Repeated, repeat.Outcome);
        Assert.Equal(ClipStatus.Failed, read.Status);
        Assert.Equal(Error(), read.Error);
        Assert.Null(read.Output);
        Assert.Equal(2, read.StatusHistory.Count);
        Assert.Equal(new StatusHistoryEntry(ClipStatus.Failed, T0.AddSeconds(3), "extract", "InvalidDataException: chunk 3 is corrupt", "i1:fail"), read.StatusHistory[1]);
    }

    [Fact]
    public async Task MarkProcessedAsync_NoRecord_ThrowsClipRecordNotFound()
    {
        var error = await Assert.ThrowsAsync<ClipRecordNotFoundException>(() => Store.MarkProcessedAsync("nope", Output("nope"), 1, T0, "x:complete", default));

        Assert.Equal("nope", error.ClipId);
    }

    [Fact]
    public async Task GetAsync_Absent_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("absent", default));
    }

    [Fact]
    public async Task ListAsync_ByStatusWithPaging_ReturnsEachMatchingRecordOnceNewestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.CreateAsync(NewRecord($"p{i}") with { CreatedAt = T0.AddMinutes(i), UpdatedAt = T0.AddMinutes(i) }, $"p{i}:create", default);
        }

        await Store.CreateAsync(NewRecord("done") with { CreatedAt = T0.AddMinutes(10), UpdatedAt = T0.AddMinutes(10) }, "done:create", default);
        await Store.MarkProcessedAsync("done", Output("done"), 1, T0.AddMinutes(11), "done:complete", default);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(ClipStatus.Processing, 2, token, default);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(r => r.ClipId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["p4", "p3", "p2", "p1", "p0"], seen);
        var processed = await Store.ListAsync(ClipStatus.Processed, 10, null, default);
        Assert.Equal("done", Assert.Single(processed.Items).ClipId);
        Assert.Null(processed.ContinuationToken);
        var all = await Store.ListAsync(null, 100, null, default);
        Assert.Equal(6, all.Items.Count);
    }

    [Fact]
    public async Task ListAsync_BadArguments_ThrowArgumentExceptions()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(null, 0, null, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(null, 1001, null, default));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(ClipStatus.Processing, 10, "not-a-token", default));
        Assert.Contains("not-a-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkProcessedAsync_ConcurrentDifferentTransitions_ExactlyOneApplies()
    {
        await Store.CreateAsync(NewRecord("race"), "r:create", default);

        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await Store.MarkProcessedAsync("race", Output("race"), i, T0.AddSeconds(i + 1), $"r{i}:complete", default)).Applied;
            }
            catch (IllegalClipTransitionException)
            {
                return false;
            }
        });
        var applied = await Task.WhenAll(attempts);

        Assert.Equal(1, applied.Count(a => a));
        Assert.Equal(2, (await Store.GetAsync("race", default))!.StatusHistory.Count);
    }

    protected static ClipRecord NewRecord(string clipId) => new()
    {
        ClipId = clipId,
        Status = ClipStatus.Processing,
        Manifest = "s3://recordings/stream42/index.m3u8",
        Segments =
        [
            new RequestedSegment(TimePoint.FromSeconds(65.5), TimePoint.Parse("00:01:35")),
            new RequestedSegment(TimePoint.Parse("2026-11-20T10:04:10Z"), TimePoint.Parse("2026-11-20T10:04:30Z")),
        ],
        Mode = "keyframe",
        Title = "Best play",
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    protected static ClipOutput Output(string clipId)
        => new($"s3://clips/clips/{clipId}/{clipId}.mp4", 1_234_567, 50.5, 320, 180, "h264", "aac");

    protected static ClipError Error() => new("InvalidDataException", "chunk 3 is corrupt", "extract");

    protected static DateTimeOffset Start => T0;

    private static void AssertSameRecord(ClipRecord expected, ClipRecord actual)
    {
        Assert.Equal(ClipRecordJson.Serialize(expected), ClipRecordJson.Serialize(actual));
    }
}
