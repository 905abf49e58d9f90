using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Media;

/// <summary>A minimal local-file <see cref="IMediaStore"/> for media tests (the real adapter lives in Storage).</summary>
public sealed class FolderMediaStore : IMediaStore
{
    public List<MediaLocation> Reads { get; } = [];

    public bool CanServe(MediaLocation location) => location.Scheme == MediaScheme.Local;

    public Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken)
    {
        if (!File.Exists(location.Path))
        {
            throw new MediaNotFoundException(location);
        }

        lock (Reads)
        {
            Reads.Add(location);
        }

        var bytes = File.ReadAllBytes(location.Path);
        var slice = range is { } r ? bytes.AsSpan((int)r.Offset, (int)r.Length).ToArray() : bytes;
        return Task.FromResult<Stream>(new MemoryStream(slice, writable: false));
    }

    public async Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken)
    {
        await using var input = await OpenReadAsync(location, range, cancellationToken);
        await using var output = File.Create(localPath);
        await input.CopyToAsync(output, cancellationToken);
    }

    public Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken) => Task.FromResult(File.Exists(location.Path));

    public Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken) =>
        File.Exists(location.Path) ? Task.FromResult(new FileInfo(location.Path).Length) : throw new MediaNotFoundException(location);

    public Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken)
    {
        File.Copy(localPath, destination.Path, overwrite: true);
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri("file://" + location.Path));
}
