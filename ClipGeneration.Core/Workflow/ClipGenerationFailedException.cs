using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Workflow;

/// <summary>Ends a clip orchestration as failed, after the record was marked failed and intermediates removed.</summary>
public sealed class ClipGenerationFailedException : Exception, INonRetryableFailure
{
    public ClipGenerationFailedException(string clipId, string step, TaskFailureDetails cause)
        : base($"Clip '{clipId}' failed at step '{step}': {cause.ErrorType}: {cause.ErrorMessage}")
    {
        ClipId = clipId;
        Step = step;
        Cause = cause;
    }

    public string ClipId { get; }

    public string Step { get; }

    public TaskFailureDetails Cause { get; }
}
