using System.Security.Cryptography;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.S3;
using ClipGeneration.Tests.TestServers;

namespace ClipGeneration.Tests.Storage.S3;

public sealed class S3MediaStoreTests : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly S3rverFixture _s3;
    private readonly S3MediaStore _store;
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "s3store-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = "clips/" + Guid.NewGuid().ToString("N") + "/";

    public S3MediaStoreTests(S3rverFixture s3)
    {
        _s3 = s3;
        _store = S3MediaStore.Create(s3.CreateOptions());
        Directory.CreateDirectory(_workDir);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_workDir, recursive: true);
    }

    [Fact]
    public async Task UploadAsync_SmallFile_ReadsBackSameBytes()
    {
        var (path, bytes) = WriteRandomFile("small.ts", 300_000);
        var location = Location("small.ts");

        await _store.UploadAsync(path, location, "video/mp2t", default);

        Assert.Equal(bytes, await ReadAllAsync(location, null));
        Assert.Equal(bytes.Length, await _store.GetSizeAsync(location, default));
        Assert.True(await _store.ExistsAsync(location, default));
    }

    [Fact]
    public async Task UploadAsync_LargerThanThreshold_MultipartReadsBackSameBytes()
    {
        // 5 MiB threshold and parts: three parts, the last one short.
        var (path, bytes) = WriteRandomFile("large.mp4", (11 * 1024 * 1024) + 12345);
        var location = Location("large.mp4");

        await _store.UploadAsync(path, location, "video/mp4", default);

        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAllAsync(location, null)));
        Assert.Equal(bytes.Length, await _store.GetSizeAsync(location, default));
    }

    [Fact]
    public async Task UploadAsync_ExistingKey_ReplacesWholeObject()
    {
        var location = Location("replace.bin");
        var (first, _) = WriteRandomFile("first.bin", 5000);
        var (second, secondBytes) = WriteRandomFile("second.bin", 1200);

        await _store.UploadAsync(first, location, "application/octet-stream", default);
        await _store.UploadAsync(second, location, "application/octet-stream", default);

        Assert.Equal(secondBytes, await ReadAllAsync(location, null));
    }

    [Fact]
    public async Task OpenReadAsync_ByteRange_ReturnsExactlyThoseBytes()
    {
        var (path, bytes) = WriteRandomFile("chunks.ts", 100_000);
        var location = Location("chunks.ts");
        await _store.UploadAsync(path, location, "video/mp2t", default);

        var range = new ByteRange(37_600, 18_800);

        Assert.Equal(bytes.AsSpan(37_600, 18_800).ToArray(), await ReadAllAsync(location, range));
    }

    [Fact]
    public async Task DownloadAsync_RangeToFile_WritesThoseBytesAndReplacesFile()
    {
        var (path, bytes) = WriteRandomFile("chunks.ts", 50_000);
        var location = Location("chunks.ts");
        await _store.UploadAsync(path, location, "video/mp2t", default);
        var target = Path.Combine(_workDir, "downloaded.ts");
        await File.WriteAllTextAsync(target, "old content that must be replaced");

        await _store.DownloadAsync(location, new ByteRange(0, 188), target, default);

        Assert.Equal(bytes.AsSpan(0, 188).ToArray(), await File.ReadAllBytesAsync(target));
        Assert.False(File.Exists(target + ".part"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ThrowsMediaNotFoundNamingIt()
    {
        var location = Location("missing.ts");

        var error = await Assert.ThrowsAsync<MediaNotFoundException>(() => _store.OpenReadAsync(location, null, default));

        Assert.Equal(location, error.Location);
        Assert.Contains("missing.ts", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MediaNotFoundException>(() => _store.GetSizeAsync(location, default));
        await Assert.ThrowsAsync<MediaNotFoundException>(() => _store.DownloadAsync(location, null, Path.Combine(_workDir, "x"), default));
        Assert.False(await _store.ExistsAsync(location, default));
    }

    [Fact]
    public async Task OpenReadAsync_MissingBucket_ThrowsMediaNotFound()
    {
        var location = MediaLocation.S3("no-such-bucket", "a.ts");

        await Assert.ThrowsAsync<MediaNotFoundException>(() => _store.OpenReadAsync(location, null, default));
    }

    [Fact]
    public async Task DeletePrefixAsync_ObjectsUnderPrefix_DeletesOnlyThose()
    {
        var (path, bytes) = WriteRandomFile("seg.ts", 1000);
        var inside = new[] { Location("segments/0.ts"), Location("segments/1.ts"), Location("segments/2.ts") };
        var sibling = MediaLocation.S3(S3rverFixture.Bucket, _prefix.TrimEnd('/') + "-other/segments/0.ts");
        var kept = Location("final.mp4");
        foreach (var location in inside.Append(sibling).Append(kept))
        {
            await _store.UploadAsync(path, location, "video/mp2t", default);
        }

        await _store.DeletePrefixAsync(Location("segments/"), default);

        foreach (var location in inside)
        {
            Assert.False(await _store.ExistsAsync(location, default), $"{location} should be gone");
        }

        Assert.Equal(bytes, await ReadAllAsync(sibling, null));
        Assert.Equal(bytes, await ReadAllAsync(kept, null));
    }

    [Fact]
    public async Task DeletePrefixAsync_NothingThere_Succeeds()
    {
        await _store.DeletePrefixAsync(Location("nothing/"), default);

        Assert.False(await _store.ExistsAsync(Location("nothing/a.ts"), default));
    }

    [Fact]
    public async Task DeletePrefixAsync_EmptyPrefix_RefusesToEmptyTheBucket()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.DeletePrefixAsync(MediaLocation.S3(S3rverFixture.Bucket, string.Empty), default));

        Assert.Contains(S3rverFixture.Bucket, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadUrlAsync_FetchedWithHttpClient_ReturnsSameBytes()
    {
        var (path, bytes) = WriteRandomFile("clip.mp4", 70_000);
        var location = Location("clip.mp4");
        await _store.UploadAsync(path, location, "video/mp4", default);

        var url = await _store.GetReadUrlAsync(location, TimeSpan.FromMinutes(5), default);
        using var http = new HttpClient();
        var fetched = await http.GetByteArrayAsync(url);

        Assert.StartsWith(_s3.ServiceUrl, url.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        Assert.Equal(bytes, fetched);
    }

    [Fact]
    public async Task Operations_LocalLocation_ThrowArgumentException()
    {
        var local = MediaLocation.Local("/tmp/a.ts");

        Assert.False(_store.CanServe(local));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(local, null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.UploadAsync("/tmp/a.ts", local, "video/mp2t", default));
    }

    [Fact]
    public async Task OpenReadAsync_EmptyRange_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.OpenReadAsync(Location("a.ts"), new ByteRange(10, 0), default));
    }

    private MediaLocation Location(string relative) => MediaLocation.S3(S3rverFixture.Bucket, _prefix + relative);

    private (string Path, byte[] Bytes) WriteRandomFile(string name, int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        var path = Path.Combine(_workDir, name);
        File.WriteAllBytes(path, bytes);
        return (path, bytes);
    }

    private async Task<byte[]> ReadAllAsync(MediaLocation location, ByteRange? range)
    {
        await using var stream = await _store.OpenReadAsync(location, range, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
