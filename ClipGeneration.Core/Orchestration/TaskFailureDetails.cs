namespace ClipGeneration.Core.Orchestration;

/// <summary>
/// A failure as data, so it can be stored in history and read back: Durable Task's <c>TaskFailureDetails</c>.
/// </summary>
/// <param name="ErrorType">The full type name of the exception that failed the task.</param>
/// <param name="ErrorMessage">Its message.</param>
/// <param name="StackTrace">Its stack trace, when known.</param>
/// <param name="InnerFailure">The inner exception's details, when there was one.</param>
/// <param name="IsNonRetryable">True when the failure says retrying cannot help (bad input, corrupt data).</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null,
    bool IsNonRetryable = false)
{
    /// <summary>Captures an exception (and its inner chain) as failure details.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException),
            exception is INonRetryableFailure || exception.InnerException is INonRetryableFailure);
    }

    /// <summary>True when the failure (or an inner one) was caused by an exception of type <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>()
        where T : Exception
        => string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal) || (InnerFailure?.IsCausedBy<T>() ?? false);
}
