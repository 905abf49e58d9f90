namespace ClipGeneration.Core.Storage.Local;

/// <summary>
/// <see cref="IMediaStore"/> over the local file system: the embedded default, where recordings live in a
/// media folder and clips are written under the data directory.
/// </summary>
/// <remarks>
/// The store serves any absolute local path it is given; which paths a request may name is decided before
/// (request validation and the playlist loader keep requests inside the configured media root).
/// Writes are atomic: a file is written under a temporary name in the destination folder and renamed over
/// the final name, so a reader never sees a partial object. A missing file or folder throws
/// <see cref="MediaNotFoundException"/>; an S3 location throws <see cref="ArgumentException"/>.
/// </remarks>
public sealed class LocalFolderMediaStore : IMediaStore
{
    private const int CopyBufferSize = 1 << 16;

    public bool CanServe(MediaLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Scheme == MediaScheme.Local;
    }

    public Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken)
    {
        var path = PathOf(location);
        cancellationToken.ThrowIfCancellationRequested();
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MediaNotFoundException(location);
        }

        if (range is not { } byteRange)
        {
            return Task.FromResult<Stream>(file);
        }

        if (byteRange.Offset < 0 || byteRange.Length < 0 || byteRange.EndExclusive > file.Length)
        {
            var length = file.Length;
            file.Dispose();
            throw new ArgumentOutOfRangeException(nameof(range), $"Byte range {byteRange} is outside '{location}' ({length} bytes).");
        }

        file.Seek(byteRange.Offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(new BoundedReadStream(file, byteRange.Length));
    }

    public async Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        await using var source = await OpenReadAsync(location, range, cancellationToken);
        await WriteAtomicallyAsync(source, localPath, cancellationToken);
    }

    public Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken)
        => Task.FromResult(File.Exists(PathOf(location)));

    public Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken)
    {
        var info = new FileInfo(PathOf(location));
        return info.Exists ? Task.FromResult(info.Length) : throw new MediaNotFoundException(location);
    }

    public async Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var target = PathOf(destination);
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await WriteAtomicallyAsync(source, target, cancellationToken);
    }

    public Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken)
    {
        var path = PathOf(prefix);
        if (path.EndsWith('/'))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return Task.CompletedTask;
        }

        // A prefix that is not a folder: every file and folder in its parent whose name starts with it.
        var parent = Path.GetDirectoryName(path);
        if (parent is null || !Directory.Exists(parent))
        {
            return Task.CompletedTask;
        }

        var namePrefix = Path.GetFileName(path);
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, namePrefix + "*"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken)
        => Task.FromResult(new Uri("file://" + PathOf(location)));

    private static string PathOf(MediaLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Scheme != MediaScheme.Local)
        {
            throw new ArgumentException($"'{location}' is not a local path; the local folder store serves only local files.", nameof(location));
        }

        return location.Path;
    }

    /// <summary>Writes to a temporary file beside the target, then renames it over the target.</summary>
    private static async Task WriteAtomicallyAsync(Stream source, string targetPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(targetPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(target, CopyBufferSize, cancellationToken);
                await target.FlushAsync(cancellationToken);
            }

            File.Move(temporary, targetPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
