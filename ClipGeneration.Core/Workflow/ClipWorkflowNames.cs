namespace ClipGeneration.Core.Workflow;

/// <summary>
/// The names the clip workflow is registered under, shared by both hosts (the Functions app's
/// <c>[Function(...)]</c> attributes and the embedded engine's registry) so they cannot drift apart.
/// </summary>
/// <remarks>Names are stored in durable history: renaming one breaks instances in flight.</remarks>
public static class ClipWorkflowNames
{
    public const string Orchestrator = "ClipGenerationOrchestrator";

    public const string CreateClipRecord = nameof(CreateClipRecord);

    public const string PlanClip = nameof(PlanClip);

    public const string ExtractSegment = nameof(ExtractSegment);

    public const string StitchClip = nameof(StitchClip);

    public const string CompleteClipRecord = nameof(CompleteClipRecord);

    public const string FailClipRecord = nameof(FailClipRecord);

    public const string CleanupClipMedia = nameof(CleanupClipMedia);

    /// <summary>Gets every activity name, in workflow order.</summary>
    public static IReadOnlyList<string> Activities { get; } =
    [
        CreateClipRecord, PlanClip, ExtractSegment, StitchClip, CompleteClipRecord, FailClipRecord, CleanupClipMedia,
    ];

    /// <summary>Gets every name: the orchestrator first, then the activities.</summary>
    public static IReadOnlyList<string> All { get; } = [Orchestrator, .. Activities];
}
