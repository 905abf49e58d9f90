namespace ClipGeneration.Core.Orchestration;

/// <summary>
/// Marks an exception whose cause retrying cannot fix (invalid input, corrupt media, a missing object).
/// Engines record it in <see cref="TaskFailureDetails.IsNonRetryable"/> and the default retry policy stops at once.
/// </summary>
public interface INonRetryableFailure;
