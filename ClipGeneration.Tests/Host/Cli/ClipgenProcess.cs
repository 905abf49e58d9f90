using System.Diagnostics;
using ClipGeneration.Host.Configuration;

namespace ClipGeneration.Tests.Host.Cli;

/// <summary>Runs the repository's <c>./clipgen</c> script as a process, as a user does, and captures its output.</summary>
internal static class ClipgenProcess
{
    public static string RepositoryRoot { get; } = RepositoryRootLocator.Locate(null, AppContext.BaseDirectory, AppContext.BaseDirectory);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] arguments)
        => RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts ./clipgen without waiting (the caller reads its output and owns the process).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot, "clipgen"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test's own environment must not leak in: the script sets CLIPGEN_ROOT itself.
        start.Environment.Remove(RepositoryRootLocator.RootVariable);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
