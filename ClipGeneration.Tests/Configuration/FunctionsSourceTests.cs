using System.Text.RegularExpressions;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Workflow;

namespace ClipGeneration.Tests.Configuration;

/// <summary>
/// The Functions app cannot be built here, so its sources are read as text: orchestrator and activity
/// functions must name themselves with <see cref="ClipWorkflowNames"/> constants, the names the Host registers.
/// </summary>
public sealed partial class FunctionsSourceTests
{
    [Fact]
    public void WorkflowNames_AreDistinctAndComplete()
    {
        Assert.Equal(ClipWorkflowNames.All.Count, ClipWorkflowNames.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ClipWorkflowNames.Orchestrator, ClipWorkflowNames.All[0]);
        Assert.Equal(
            ["CreateClipRecord", "PlanClip", "ExtractSegment", "StitchClip", "CompleteClipRecord", "FailClipRecord", "CleanupClipMedia"],
            ClipWorkflowNames.Activities);
    }

    [Fact]
    public void DurableFunctions_UseWorkflowNameConstants()
    {
        var functions = FunctionAttributes().ToList();
        var durable = functions.Where(f => f.IsDurableTrigger).ToList();

        Assert.NotEmpty(durable);
        Assert.All(durable, f => Assert.True(
            f.Argument.StartsWith("ClipWorkflowNames.", StringComparison.Ordinal),
            $"{f.File}: [Function({f.Argument})] must use a ClipWorkflowNames constant"));
    }

    [Fact]
    public void NoFunction_SpellsAWorkflowNameAsALiteral()
    {
        var literals = FunctionAttributes().Where(f => f.Argument.StartsWith('"')).ToList();

        Assert.All(literals, f => Assert.DoesNotContain(f.Argument.Trim('"'), ClipWorkflowNames.All));
    }

    [Fact]
    public void OrchestratorFunction_IsDeclared()
    {
        Assert.Contains(FunctionAttributes(), f => f.Argument == "ClipWorkflowNames.Orchestrator" && f.IsDurableTrigger);
    }

    [Fact]
    public void CoreRegistrationList_NamesExactlyTheWorkflowNames()
    {
        var registry = new OrchestrationRegistry().AddClipWorkflow();

        Assert.Equal([ClipWorkflowNames.Orchestrator], registry.OrchestratorNames);
        Assert.Equal(ClipWorkflowNames.Activities.Order(StringComparer.Ordinal), registry.ActivityNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRegisteredActivity_HasAnActivityFunctionOfTheSameName()
    {
        var registered = new OrchestrationRegistry().AddClipWorkflow().ActivityNames;
        var activityFunctions = FunctionAttributes()
            .Where(f => f.IsDurableTrigger && f.Argument != "ClipWorkflowNames.Orchestrator")
            .Select(f => f.Argument["ClipWorkflowNames.".Length..])
            .ToList();

        Assert.Equal(registered.Order(StringComparer.Ordinal), activityFunctions.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string File, string Argument, bool IsDurableTrigger)> FunctionAttributes()
    {
        var folder = RepositoryFiles.PathOf("ClipGeneration.Functions");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var matches = FunctionAttribute().Matches(text);
            for (var i = 0; i < matches.Count; i++)
            {
                // The function's parameters run from its attribute to the next [Function(...)] (or the file's end).
                var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
                var body = text[matches[i].Index..end];
                var isDurable = body.Contains("[OrchestrationTrigger]", StringComparison.Ordinal) || body.Contains("[ActivityTrigger]", StringComparison.Ordinal);
                yield return (Path.GetRelativePath(RepositoryFiles.Root, file), matches[i].Groups["arg"].Value.Trim(), isDurable);
            }
        }
    }

    [GeneratedRegex(@"\[Function\((?<arg>[^)]*)\)\]")]
    private static partial Regex FunctionAttribute();
}
