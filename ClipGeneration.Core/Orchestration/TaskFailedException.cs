namespace ClipGeneration.Core.Orchestration;

/// <summary>Thrown into orchestrator code when an activity or sub-orchestration failed for good.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public string TaskName { get; }

    /// <summary>Gets the history id of the TaskScheduled event of the failed attempt.</summary>
    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
