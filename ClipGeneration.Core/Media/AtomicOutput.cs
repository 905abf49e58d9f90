namespace ClipGeneration.Core.Media;

/// <summary>
/// A temporary file beside a final path, moved over it in one rename once complete: readers of the final path see
/// the old file or the whole new one, never a half-written one. The temporary file is deleted when not committed.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private bool _committed;

    public AtomicOutput(string finalPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(finalPath);
        FinalPath = Path.GetFullPath(finalPath);
        var folder = Path.GetDirectoryName(FinalPath) ?? throw new ArgumentException($"'{finalPath}' has no folder.", nameof(finalPath));
        Directory.CreateDirectory(folder);

        // Same folder, so the rename stays on one file system and is atomic; the dot keeps it out of casual listings.
        TempPath = Path.Combine(folder, $".{Path.GetFileName(FinalPath)}.{Guid.NewGuid():N}.partial");
    }

    public string FinalPath { get; }

    public string TempPath { get; }

    /// <summary>Renames the temporary file over the final path, replacing any file there.</summary>
    public void Commit()
    {
        File.Move(TempPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            File.Delete(TempPath);
        }
    }
}
