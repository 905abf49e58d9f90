namespace ClipGeneration.Core.Workflow;

/// <summary>The step names a clip record's status history and error use (<c>step</c> fields).</summary>
public static class ClipWorkflowSteps
{
    public const string Record = "record";
    public const string Plan = "plan";
    public const string Extract = "extract";
    public const string Stitch = "stitch";
    public const string Complete = "complete";
    public const string Cleanup = "cleanup";
}
