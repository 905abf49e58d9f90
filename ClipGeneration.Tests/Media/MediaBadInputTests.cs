using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Media;

[Collection(MediaCollection.Name)]
public sealed class MediaBadInputTests(MediaFixture media)
{
    [Fact]
    public async Task ExtractAsync_CorruptChunk_ThrowsNonRetryableNamingTheChunk()
    {
        var folder = media.NewFolder("corrupt");
        var corrupt = Path.Combine(folder, "chunk007.ts");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 50_000).Select(i => (byte)((i * 7919) % 253)).ToArray());
        var chunk = new PlannedChunk(MediaLocation.Local(corrupt), 0, 2, 7, null, null, null);
        var range = new RangePlan(0, 0.5, 1.5, [new PlannedPiece([chunk], 0.5, 1)]);
        var work = Path.Combine(folder, "work");

        var ex = await Assert.ThrowsAsync<FfmpegInvalidInputException>(() =>
            media.Extractor(new FolderMediaStore()).ExtractAsync(range, ClipMode.Keyframe, work, Path.Combine(folder, "out.mp4"), null, CancellationToken.None));

        Assert.IsAssignableFrom<INonRetryableFailure>(ex);
        Assert.Contains(corrupt, ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }

    [Fact]
    public async Task ExtractAsync_ChunkMissingFromStore_ThrowsMediaNotFoundNamingIt()
    {
        var chunks = TestPlaylist.ReadChunks(media.TsAv).ToList();
        var missing = MediaLocation.Local(Path.Combine(media.Root, "ts-av", "seg999.ts"));
        chunks[1] = chunks[1] with { Uri = missing };
        var folder = media.NewFolder("missing");

        var ex = await Assert.ThrowsAsync<MediaNotFoundException>(() =>
            media.Extractor(new FolderMediaStore()).ExtractAsync(TestPlaylist.Plan(chunks, 0, 1, 3), ClipMode.Keyframe, folder, Path.Combine(folder, "o.mp4"), null, CancellationToken.None));

        Assert.Equal(missing, ex.Location);
        Assert.Contains("seg999.ts", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task ExtractAsync_KeyMissingFromStore_ThrowsKeyUnavailableNamingChunkAndKey()
    {
        var chunks = TestPlaylist.ReadChunks(media.TsEncrypted)
            .Select(c => c with { Key = c.Key! with { Uri = MediaLocation.Local(Path.Combine(media.Root, "ts-aes", "gone.key")) } })
            .ToList();
        var folder = media.NewFolder("nokey");

        var ex = await Assert.ThrowsAsync<MediaKeyUnavailableException>(() =>
            media.Extractor(new FolderMediaStore()).ExtractAsync(TestPlaylist.Plan(chunks, 0, 1, 3), ClipMode.Keyframe, folder, Path.Combine(folder, "o.mp4"), null, CancellationToken.None));

        Assert.Contains("gone.key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("seg000.ts", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<INonRetryableFailure>(ex);
    }

    [Fact]
    public async Task ExtractAsync_EmptyPlan_ThrowsArgumentExceptionNamingTheRange()
    {
        var range = new RangePlan(3, 10, 20, []);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            media.Extractor(new FolderMediaStore()).ExtractAsync(range, ClipMode.Accurate, media.Root, Path.Combine(media.Root, "never.mp4"), null, CancellationToken.None));

        Assert.Contains("Range 3 (10-20 s) has an empty plan", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(media.Root, "never.mp4")));
    }

    [Fact]
    public async Task ExtractAsync_OutputExists_ReplacedByTheNewSegment()
    {
        var folder = media.NewFolder("replace");
        var target = Path.Combine(folder, "segment.mp4");
        await File.WriteAllTextAsync(target, "stale");

        var segment = await media.Extractor(new FolderMediaStore()).ExtractAsync(
            TestPlaylist.Plan(TestPlaylist.ReadChunks(media.TsAv), 0, 2, 4), ClipMode.Keyframe, folder, target, null, CancellationToken.None);

        Assert.Equal(target, segment.Path);
        Assert.Equal(2.0, (await media.Prober.ProbeAsync(target, CancellationToken.None)).Duration!.Value, 0.05);
        Assert.Equal(["segment.mp4"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ExtractAsync_CancelledMidEncode_KillsFfmpegAndRemovesWorkDirectory()
    {
        var runner = new FfmpegProcessRunner(new FfmpegOptions { Preset = "veryslow", Threads = 1 });
        var pids = new List<int>();
        runner.ProcessStarted = pids.Add;
        using var cancellation = new CancellationTokenSource();
        var encoding = new SynchronousProgress<FfmpegProgress>(_ => cancellation.Cancel());
        var folder = media.NewFolder("cancel");
        var work = Path.Combine(folder, "work");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Extractor(new FolderMediaStore(), runner).ExtractAsync(
            TestPlaylist.Plan(TestPlaylist.ReadChunks(media.TsAv), 0, 0.5, 11.5), ClipMode.Accurate, work, Path.Combine(folder, "o.mp4"), encoding, cancellation.Token));

        Assert.NotEmpty(pids);
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} is still there"));
        Assert.Empty(Directory.GetFileSystemEntries(work));
        Assert.Empty(Directory.GetFiles(folder));
    }
}
