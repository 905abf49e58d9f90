namespace ClipGeneration.Core.Workflow;

/// <summary>
/// The names the clip workflow is registered under. Both hosts (the embedded engine and Azure Durable
/// Functions) use these constants, so an orchestration started by one name is run by the same code everywhere.
/// </summary>
public static class ClipWorkflowNames
{
    public const string Orchestrator = "ClipGenerationOrchestrator";

    public const string CreateClipRecord = "CreateClipRecord";
    public const string PlanClip = "PlanClip";
    public const string ExtractSegment = "ExtractSegment";
    public const string StitchClip = "StitchClip";
    public const string CompleteClipRecord = "CompleteClipRecord";
    public const string FailClipRecord = "FailClipRecord";
    public const string CleanupClipMedia = "CleanupClipMedia";

    /// <summary>Gets every activity name, in the order the workflow first calls them.</summary>
    public static IReadOnlyList<string> Activities { get; } =
    [
        CreateClipRecord,
        PlanClip,
        ExtractSegment,
        StitchClip,
        CompleteClipRecord,
        FailClipRecord,
        CleanupClipMedia,
    ];
}
