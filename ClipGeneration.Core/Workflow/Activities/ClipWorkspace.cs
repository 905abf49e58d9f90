namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Where activities put scratch files: one uniquely named folder per activity run, removed when disposed.</summary>
/// <param name="Root">The parent folder (setting <c>ClipGeneration:WorkDirectory</c>; default: the system temp folder).</param>
public sealed record ClipWorkspace(string Root)
{
    public Scratch CreateScratch(string label)
    {
        var path = System.IO.Path.Combine(Root, $"clipgen-{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new Scratch(path);
    }

    /// <summary>A scratch folder; disposing it deletes it with everything inside.</summary>
    public sealed class Scratch(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
