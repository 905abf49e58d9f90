namespace ClipGeneration.Core.Media;

/// <summary>A uniquely named scratch folder that is deleted, with everything in it, on dispose.</summary>
/// <remarks>Deletion failures (a file still open elsewhere) are retried once and then rethrown, never swallowed.</remarks>
public sealed class WorkDirectory : IDisposable
{
    private WorkDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates <c>{parent}/{prefix}-{random}</c>; <paramref name="parent"/> is created when missing.</summary>
    public static WorkDirectory Create(string parent, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(parent);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(parent), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new WorkDirectory(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still be closing a file in here; one more attempt settles it.
            Directory.Delete(Path, recursive: true);
        }
    }
}
