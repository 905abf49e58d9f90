using System.Diagnostics;
using System.Xml.Linq;

namespace ClipGeneration.Tests.Durable.Architecture;

public sealed class DeterminismAnalyzerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("banned-api-probe-").FullName;

    [Fact]
    public async Task Build_OrchestratorCallingDateTimeUtcNow_FailsWithRS0030OnlyInTheOrchestratorFolder()
    {
        // A tiny project laid out like Core, with the repository's own .editorconfig and BannedSymbols.txt.
        var repo = RepositoryRoot.Path;
        File.Copy(Path.Combine(repo, ".editorconfig"), Path.Combine(_directory, ".editorconfig"));
        var project = Directory.CreateDirectory(Path.Combine(_directory, "ClipGeneration.Core")).FullName;
        File.Copy(Path.Combine(repo, "ClipGeneration.Core", "BannedSymbols.txt"), Path.Combine(project, "BannedSymbols.txt"));
        await File.WriteAllTextAsync(Path.Combine(project, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="{AnalyzerVersion(repo)}" PrivateAssets="all" />
                <AdditionalFiles Include="BannedSymbols.txt" />
              </ItemGroup>
            </Project>
            """);
        var orchestrators = Directory.CreateDirectory(Path.Combine(project, "Workflow", "Orchestrators")).FullName;
        await File.WriteAllTextAsync(Path.Combine(orchestrators, "Offending.cs"), """
            namespace Probe;

            public static class Offending
            {
                public static DateTime Now() => DateTime.UtcNow;
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Allowed.cs"), """
            namespace Probe;

            public static class Allowed
            {
                public static DateTime Now() => DateTime.UtcNow;
            }
            """);

        var (exitCode, output) = await BuildAsync(project);

        Assert.NotEqual(0, exitCode);
        var errors = output.Split('\n').Where(line => line.Contains("error RS0030", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, line => Assert.Contains("Offending.cs", line, StringComparison.Ordinal));
        Assert.Contains(errors, line => line.Contains("CurrentUtcDateTime", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string AnalyzerVersion(string repo)
        => XDocument.Load(Path.Combine(repo, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers")
            .Attribute("Version")!.Value;

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = project,
        };
        foreach (var argument in new[] { "build", "Probe.csproj", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException cancelled)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the probe project took over 3 minutes.", cancelled);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
