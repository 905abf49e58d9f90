namespace ClipGeneration.Core.Storage;

/// <summary>
/// Reads and writes media objects (recordings, segments, clips) at <see cref="MediaLocation"/>s.
/// Adapters: a local folder (the embedded default) and S3 or any S3-compatible endpoint.
/// </summary>
/// <remarks>
/// Bad input: a location of a scheme the adapter does not serve throws <see cref="ArgumentException"/>;
/// a missing object throws <see cref="MediaNotFoundException"/> naming it. Transient faults are retried
/// inside the adapter a few times before they surface.
/// </remarks>
public interface IMediaStore
{
    /// <summary>True when this store serves locations of the given scheme.</summary>
    bool CanServe(MediaLocation location);

    /// <summary>Opens an object (or one byte range of it) for reading.</summary>
    /// <exception cref="MediaNotFoundException">No object at <paramref name="location"/>.</exception>
    Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken);

    /// <summary>Copies an object (or a byte range of it) into a local file, replacing it.</summary>
    /// <exception cref="MediaNotFoundException">No object at <paramref name="location"/>.</exception>
    Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken);

    /// <summary>The object's size in bytes.</summary>
    /// <exception cref="MediaNotFoundException">No object at <paramref name="location"/>.</exception>
    Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a local file at <paramref name="destination"/> atomically: readers see the old object or the whole
    /// new one, never a partial one (temp name then rename locally; a single PUT or completed multipart upload on S3).
    /// </summary>
    Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose location starts with <paramref name="prefix"/>; no error when none exist.</summary>
    Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken);

    /// <summary>A URL a client can read the object from: presigned for S3, <c>file://</c> for local files.</summary>
    Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken);
}
