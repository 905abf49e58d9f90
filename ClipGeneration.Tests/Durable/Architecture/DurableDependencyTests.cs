using System.Text.RegularExpressions;

namespace ClipGeneration.Tests.Durable.Architecture;

public sealed partial class DurableDependencyTests
{
    [Fact]
    public void DurableSources_UseOnlyTheOrchestrationPortOfCore()
    {
        var root = Path.Combine(RepositoryRoot.Path, "ClipGeneration.Durable");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => CoreReference().Matches(File.ReadAllText(file))
                .Where(match => match.Groups["ns"].Value != "ClipGeneration.Core.Orchestration")
                .Select(match => $"{Path.GetRelativePath(root, file)}: {match.Value.Trim()}"))
            .ToList();

        Assert.True(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Any(), $"No sources found under {root}.");
        Assert.True(offenders.Count == 0, "ClipGeneration.Durable may use only ClipGeneration.Core.Orchestration:\n" + string.Join("\n", offenders));
    }

    // Both using directives and fully qualified names count: ClipGeneration.Core.<Namespace>.
    [GeneratedRegex(@"(?<ns>ClipGeneration\.Core(\.[A-Za-z]+)?)(?=[\s;.])")]
    private static partial Regex CoreReference();
}
