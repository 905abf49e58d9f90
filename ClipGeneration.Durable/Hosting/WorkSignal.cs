namespace ClipGeneration.Durable.Hosting;

/// <summary>An auto-reset wake-up for a dispatcher loop: set by whoever created work in this process.</summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Returns when the signal is set (now or later); resets it for the next wait.</summary>
    public Task WaitAsync()
    {
        var current = Volatile.Read(ref _next);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
            return Task.CompletedTask;
        }

        return current.Task;
    }
}
