using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.S3;
using ClipGeneration.Tests.TestServers;

namespace ClipGeneration.Tests.Storage.S3;

/// <summary>Why the S3-compatible endpoint mode exists: s3rver 3.7.1 with the SDK v4 defaults stores a different body.</summary>
public sealed class S3CompatibleEndpointTests : IClassFixture<S3rverFixture>
{
    private readonly S3rverFixture _s3;

    public S3CompatibleEndpointTests(S3rverFixture s3) => _s3 = s3;

    [Fact]
    public async Task UploadAsync_ModeOffAgainstS3rver_StoredBodyDiffersFromFile()
    {
        var bytes = new byte[20_000];
        Random.Shared.NextBytes(bytes);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, bytes);
        var location = MediaLocation.S3(S3rverFixture.Bucket, "compat/" + Guid.NewGuid().ToString("N") + ".bin");
        var options = _s3.CreateOptions();
        options.CompatibleEndpoint = false;
        try
        {
            using (var sdkDefaults = S3MediaStore.Create(options))
            {
                await sdkDefaults.UploadAsync(path, location, "application/octet-stream", default);
            }

            using var compatible = S3MediaStore.Create(_s3.CreateOptions());
            await using var stream = await compatible.OpenReadAsync(location, null, default);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);

            Assert.NotEqual(bytes, copy.ToArray());
            Assert.Contains("chunk-signature", System.Text.Encoding.ASCII.GetString(copy.ToArray()), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
