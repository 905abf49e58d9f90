namespace ClipGeneration.Durable.Execution;

/// <summary>
/// The single-threaded, deterministic scheduler an orchestrator runs on during one turn: a FIFO queue drained
/// on the turn's own thread, exposed both as a <see cref="TaskScheduler"/> and a <see cref="SynchronizationContext"/>
/// so every <c>await</c> continuation of orchestrator code comes back here, in a known order.
/// </summary>
/// <remarks>
/// A continuation queued from any other thread means the code awaited something the engine did not create
/// (Task.Delay, Task.Run, I/O): it is not run, and <see cref="ForeignContinuationSeen"/> tells the turn to fail the instance.
/// </remarks>
internal sealed class OrchestrationScheduler : TaskScheduler
{
    private readonly Queue<Action> _queue = new();
    private readonly Lock _lock = new();
    private volatile int _ownerThreadId = Environment.CurrentManagedThreadId;
    private readonly ContextAdapter _context;
    private volatile bool _foreignContinuationSeen;

    public OrchestrationScheduler() => _context = new ContextAdapter(this);

    public bool ForeignContinuationSeen => _foreignContinuationSeen;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Makes the calling thread the turn's thread: a kept session's next turn may run on another pool thread.</summary>
    public void Attach() => _ownerThreadId = Environment.CurrentManagedThreadId;

    /// <summary>Starts <paramref name="body"/> on this scheduler (it runs at the next <see cref="RunUntilIdle"/>).</summary>
    public Task<T> Start<T>(Func<Task<T>> body)
        => Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();

    /// <summary>Runs queued work on the calling (turn) thread until nothing is left: the code can make no more progress.</summary>
    public void RunUntilIdle()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            while (TryDequeue(out var work))
            {
                work();
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    protected override void QueueTask(Task task) => Enqueue(() => TryExecuteTask(task));

    // Never inline: continuations run in queue order, so replays see the same interleaving.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => [];

    private void Enqueue(Action work)
    {
        if (Environment.CurrentManagedThreadId != _ownerThreadId)
        {
            _foreignContinuationSeen = true;
            return;
        }

        lock (_lock)
        {
            _queue.Enqueue(work);
        }
    }

    private bool TryDequeue(out Action work)
    {
        lock (_lock)
        {
            return _queue.TryDequeue(out work!);
        }
    }

    private sealed class ContextAdapter(OrchestrationScheduler scheduler) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => scheduler.Enqueue(() => d(state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException(
            "Synchronous Send is not supported on the orchestration scheduler: orchestrator code must only await the context's tasks.");

        public override SynchronizationContext CreateCopy() => this;
    }
}
