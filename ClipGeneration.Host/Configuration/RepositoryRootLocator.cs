namespace ClipGeneration.Host.Configuration;

/// <summary>Finds the folder holding host.json and local.settings.json (the repository root).</summary>
/// <remarks>
/// Order: the <c>CLIPGEN_ROOT</c> environment variable (./clipgen exports it), then the first folder at or above the
/// working directory that holds <c>ClipGeneration.sln</c>, then the application's own folder. A <c>CLIPGEN_ROOT</c> that
/// does not exist is ignored, so a stale variable cannot hide the repository.
/// </remarks>
public static class RepositoryRootLocator
{
    public const string RootVariable = "CLIPGEN_ROOT";

    private const string SolutionFile = "ClipGeneration.sln";

    public static string Locate(string? rootVariable, string workingDirectory, string appDirectory)
    {
        if (!string.IsNullOrWhiteSpace(rootVariable) && Directory.Exists(rootVariable))
        {
            return Path.GetFullPath(rootVariable);
        }

        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return appDirectory;
    }

    /// <summary>Locates the root for this process (environment, working directory, app folder).</summary>
    public static string LocateForProcess()
        => Locate(Environment.GetEnvironmentVariable(RootVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
