using System.Text;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Hls;

/// <summary>A read-only <see cref="IMediaStore"/> over a dictionary, for unit tests of loading logic.</summary>
internal sealed class InMemoryMediaStore(Dictionary<string, string> objects) : IMediaStore
{
    public List<string> Reads { get; } = [];

    public bool CanServe(MediaLocation location) => true;

    public Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken)
    {
        Reads.Add(location.ToString());
        return objects.TryGetValue(location.ToString(), out var text)
            ? Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text)))
            : throw new MediaNotFoundException(location);
    }

    public Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken)
        => Task.FromResult(objects.ContainsKey(location.ToString()));

    public Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken)
        => Task.FromResult((long)Encoding.UTF8.GetByteCount(objects[location.ToString()]));

    public Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken)
        => throw new NotSupportedException("read-only test store");

    public Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken)
        => throw new NotSupportedException("read-only test store");

    public Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken)
        => throw new NotSupportedException("read-only test store");

    public Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken)
        => throw new NotSupportedException("read-only test store");
}
