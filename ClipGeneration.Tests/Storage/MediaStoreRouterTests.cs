using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Local;

namespace ClipGeneration.Tests.Storage;

public sealed class MediaStoreRouterTests
{
    [Fact]
    public async Task ExistsAsync_LocalPath_GoesToLocalStore()
    {
        var file = Path.GetTempFileName();
        try
        {
            var router = new MediaStoreRouter([new LocalFolderMediaStore()]);

            Assert.True(await router.ExistsAsync(MediaLocation.Local(file), default));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task OpenReadAsync_SchemeNoStoreServes_ThrowsNamingLocationAndSetting()
    {
        var router = new MediaStoreRouter([new LocalFolderMediaStore()]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => router.OpenReadAsync(MediaLocation.S3("recordings", "a/index.m3u8"), null, default));

        Assert.False(router.CanServe(MediaLocation.S3("recordings", "a/index.m3u8")));
        Assert.Contains("s3://recordings/a/index.m3u8", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClipGeneration:MediaStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoStores_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MediaStoreRouter([]));
    }
}
