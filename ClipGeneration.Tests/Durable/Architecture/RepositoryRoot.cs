namespace ClipGeneration.Tests.Durable.Architecture;

/// <summary>Finds the repository's root folder (the one holding ClipGeneration.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ClipGeneration.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ClipGeneration.sln above {AppContext.BaseDirectory}.");
    }
}
