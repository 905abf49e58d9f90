namespace ClipGeneration.Tests.Configuration;

/// <summary>Finds files at the repository root (the folder holding ClipGeneration.sln) from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClipGeneration.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ClipGeneration.sln above {AppContext.BaseDirectory}.");
    }
}
