using System.Net;
using Amazon.S3;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.S3;
using ClipGeneration.Tests.TestServers;

namespace ClipGeneration.Tests.Storage.S3;

/// <summary>S3 answering errors for a while, injected under the SDK in front of a real s3rver.</summary>
public sealed class S3FaultInjectionTests : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly S3rverFixture _s3;
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "s3faults-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = "faults/" + Guid.NewGuid().ToString("N") + "/";

    public S3FaultInjectionTests(S3rverFixture s3)
    {
        _s3 = s3;
        Directory.CreateDirectory(_workDir);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", 3)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", 2)]
    public async Task UploadAndRead_TransientFaultsFewerThanAttempts_Succeed(HttpStatusCode status, string code, int faults)
    {
        var bytes = RandomBytes(40_000);
        var path = Path.Combine(_workDir, "a.ts");
        await File.WriteAllBytesAsync(path, bytes);
        var location = MediaLocation.S3(S3rverFixture.Bucket, _prefix + "a.ts");

        var uploadFaults = new FaultInjectingHttpClientFactory(status, code, faults);
        using (var store = CreateStore(uploadFaults))
        {
            await store.UploadAsync(path, location, "video/mp2t", default);
        }

        var readFaults = new FaultInjectingHttpClientFactory(status, code, faults);
        byte[] read;
        using (var store = CreateStore(readFaults))
        {
            await using var stream = await store.OpenReadAsync(location, new ByteRange(100, 5000), default);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            read = copy.ToArray();
        }

        Assert.Equal(faults, uploadFaults.Handler.Injected);
        Assert.Equal(faults + 1, uploadFaults.Handler.Requests);
        Assert.Equal(faults + 1, readFaults.Handler.Requests);
        Assert.Equal(bytes.AsSpan(100, 5000).ToArray(), read);
    }

    [Fact]
    public async Task MultipartUpload_FaultsOnParts_CompletesWithSameBytes()
    {
        var bytes = RandomBytes((6 * 1024 * 1024) + 7);
        var path = Path.Combine(_workDir, "big.mp4");
        await File.WriteAllBytesAsync(path, bytes);
        var location = MediaLocation.S3(S3rverFixture.Bucket, _prefix + "big.mp4");

        // Three 503s land on initiate and the first part; every call is retried on its own.
        var faults = new FaultInjectingHttpClientFactory(HttpStatusCode.ServiceUnavailable, "SlowDown", 3);
        using (var store = CreateStore(faults))
        {
            await store.UploadAsync(path, location, "video/mp4", default);
        }

        using var clean = S3MediaStore.Create(_s3.CreateOptions());
        await using var stream = await clean.OpenReadAsync(location, null, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(3, faults.Handler.Injected);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Read_Forbidden_FailsAfterOneRequest()
    {
        var faults = new FaultInjectingHttpClientFactory(HttpStatusCode.Forbidden, "AccessDenied", 100);
        using var store = CreateStore(faults);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync(MediaLocation.S3(S3rverFixture.Bucket, _prefix + "x.ts"), null, default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(1, faults.Handler.Requests);
    }

    [Fact]
    public async Task Read_TransientFaultsOutlastAttempts_FailsAfterMaxAttempts()
    {
        var faults = new FaultInjectingHttpClientFactory(HttpStatusCode.ServiceUnavailable, "SlowDown", 100);
        using var store = CreateStore(faults);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.GetSizeAsync(MediaLocation.S3(S3rverFixture.Bucket, _prefix + "x.ts"), default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(_s3.CreateOptions().Retry.MaxAttempts, faults.Handler.Requests);
    }

    private S3MediaStore CreateStore(FaultInjectingHttpClientFactory faults)
    {
        var options = _s3.CreateOptions();
        return new S3MediaStore(S3ClientFactory.Create(options, faults), options);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
