namespace ClipGeneration.Core.Storage;

/// <summary>
/// One <see cref="IMediaStore"/> over several: each call goes to the first store that serves the location's scheme
/// (s3:// to the S3 store, absolute paths to the local folder store).
/// </summary>
/// <remarks>
/// Bad input: a location no store serves throws <see cref="ArgumentException"/> naming it and the schemes that are served
/// (for example an s3:// manifest when only the local store is configured).
/// </remarks>
public sealed class MediaStoreRouter : IMediaStore
{
    private readonly IReadOnlyList<IMediaStore> _stores;

    public MediaStoreRouter(IEnumerable<IMediaStore> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        _stores = stores.Where(s => s is not MediaStoreRouter).ToList();
        if (_stores.Count == 0)
        {
            throw new ArgumentException("A media store router needs at least one store.", nameof(stores));
        }
    }

    public IReadOnlyList<IMediaStore> Stores => _stores;

    public bool CanServe(MediaLocation location) => _stores.Any(s => s.CanServe(location));

    public Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken)
        => For(location).OpenReadAsync(location, range, cancellationToken);

    public Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken)
        => For(location).DownloadAsync(location, range, localPath, cancellationToken);

    public Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken)
        => For(location).ExistsAsync(location, cancellationToken);

    public Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken)
        => For(location).GetSizeAsync(location, cancellationToken);

    public Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken)
        => For(destination).UploadAsync(localPath, destination, contentType, cancellationToken);

    public Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken)
        => For(prefix).DeletePrefixAsync(prefix, cancellationToken);

    public Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken)
        => For(location).GetReadUrlAsync(location, validFor, cancellationToken);

    private IMediaStore For(MediaLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return _stores.FirstOrDefault(s => s.CanServe(location))
            ?? throw new ArgumentException(
                $"No configured media store serves '{location}' ({location.Scheme}); configured: {string.Join(", ", _stores.Select(s => s.GetType().Name))}. Set ClipGeneration:MediaStore=S3 for s3:// locations.",
                nameof(location));
    }
}
