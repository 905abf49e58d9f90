using System.Threading.Channels;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Hosting;
using ClipGeneration.Durable.Persistence;

namespace ClipGeneration.Durable.Activities;

/// <summary>
/// Group commit for activity results: results that finish close together are written in one transaction
/// (each still deletes its own work item and enqueues its own result atomically with the others).
/// </summary>
/// <remarks>A failed write fails every waiting caller; their items keep their leases, which expire, so they run again (at least once).</remarks>
internal sealed class CompletionWriter(EngineRuntime runtime)
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a result; the task says whether it was delivered (false: lease lost or instance finished).</summary>
    public Task<bool> WriteAsync(ActivityWorkItem item, HistoryEvent result)
    {
        var pending = new Pending(item, result, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The activity result writer has stopped: the engine is shutting down.");
        }

        return pending.Done.Task;
    }

    /// <summary>No more results will come: <see cref="RunAsync"/> ends after writing what is queued.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var delivered = runtime.Store.CompleteWorkItems(runtime.Owner, [.. batch.Select(p => (p.Item, p.Result))], runtime.Time.GetUtcNow());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(delivered[i]);
                }

                if (delivered.Any(d => d))
                {
                    runtime.OrchestrationWork.Set();
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }
        }
    }

    private sealed record Pending(ActivityWorkItem Item, HistoryEvent Result, TaskCompletionSource<bool> Done);
}
