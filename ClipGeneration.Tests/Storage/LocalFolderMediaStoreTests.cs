using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Local;

namespace ClipGeneration.Tests.Storage;

public sealed class LocalFolderMediaStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("clipgen-local-store-").FullName;
    private readonly LocalFolderMediaStore _store = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task UploadThenOpenRead_ReturnsSameBytes()
    {
        var bytes = RandomBytes(200_000);
        var source = Path.Combine(_root, "source.bin");
        await File.WriteAllBytesAsync(source, bytes);
        var destination = MediaLocation.Local(Path.Combine(_root, "clips", "a", "a.mp4"));

        await _store.UploadAsync(source, destination, "video/mp4", CancellationToken.None);

        await using var read = await _store.OpenReadAsync(destination, null, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, await _store.GetSizeAsync(destination, CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_WithByteRange_ReturnsOnlyThatRange()
    {
        var bytes = RandomBytes(10_000);
        var path = Path.Combine(_root, "chunk.ts");
        await File.WriteAllBytesAsync(path, bytes);

        await using var read = await _store.OpenReadAsync(MediaLocation.Local(path), new ByteRange(1_000, 2_500), CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(bytes.AsSpan(1_000, 2_500).ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task OpenRead_RangeBeyondEnd_ThrowsNamingTheObject()
    {
        var path = Path.Combine(_root, "short.ts");
        await File.WriteAllBytesAsync(path, RandomBytes(100));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _store.OpenReadAsync(MediaLocation.Local(path), new ByteRange(50, 100), CancellationToken.None));
        Assert.Contains("short.ts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRead_MissingFile_ThrowsMediaNotFoundNamingIt()
    {
        var missing = MediaLocation.Local(Path.Combine(_root, "nope", "missing.ts"));

        var error = await Assert.ThrowsAsync<MediaNotFoundException>(() => _store.OpenReadAsync(missing, null, CancellationToken.None));

        Assert.Equal(missing, error.Location);
        Assert.Contains("missing.ts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverExistingFile_ReplacesItAndLeavesNoTemporaryFiles()
    {
        var target = Path.Combine(_root, "out", "clip.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, "old");
        var source = Path.Combine(_root, "new.bin");
        await File.WriteAllTextAsync(source, "new content");

        await _store.UploadAsync(source, MediaLocation.Local(target), "video/mp4", CancellationToken.None);

        Assert.Equal("new content", await File.ReadAllTextAsync(target));
        Assert.Equal(["clip.mp4"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DeletePrefix_Folder_RemovesEverythingBelowAndNothingBeside()
    {
        var segments = Path.Combine(_root, "clips", "c1", "segments");
        Directory.CreateDirectory(segments);
        await File.WriteAllTextAsync(Path.Combine(segments, "0.mp4"), "x");
        var sibling = Path.Combine(_root, "clips", "c10", "keep.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(sibling)!);
        await File.WriteAllTextAsync(sibling, "keep");

        await _store.DeletePrefixAsync(MediaLocation.Local(Path.Combine(_root, "clips", "c1") + "/"), CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_root, "clips", "c1")));
        Assert.True(File.Exists(sibling));
    }

    [Fact]
    public async Task DeletePrefix_NothingThere_DoesNotThrow()
        => await _store.DeletePrefixAsync(MediaLocation.Local(Path.Combine(_root, "absent") + "/"), CancellationToken.None);

    [Fact]
    public async Task AnyOperation_S3Location_ThrowsArgumentException()
    {
        var s3 = MediaLocation.Parse("s3://recordings/a.ts");

        Assert.False(_store.CanServe(s3));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(s3, null, CancellationToken.None));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }
}
