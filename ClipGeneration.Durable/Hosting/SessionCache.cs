using ClipGeneration.Durable.Execution;

namespace ClipGeneration.Durable.Hosting;

/// <summary>
/// The suspended orchestrator of each running instance whose last turn ran in this process, so the next turn
/// neither re-reads its history nor replays it.
/// </summary>
/// <remarks>
/// Only a shortcut: the store uses a session's history only when its length equals the instance row's committed
/// history count, and reads (and the turn replays) from the database otherwise: another process advanced the
/// instance, the entry was evicted, or the process restarted.
/// </remarks>
internal sealed class SessionCache(int capacity)
{
    private readonly Dictionary<string, OrchestrationSession> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public OrchestrationSession? Get(string instanceId)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(instanceId);
        }
    }

    public void Set(string instanceId, OrchestrationSession session)
    {
        lock (_lock)
        {
            if (_entries.Count >= capacity && !_entries.ContainsKey(instanceId))
            {
                _entries.Remove(_entries.Keys.First());
            }

            _entries[instanceId] = session;
        }
    }

    public void Remove(string instanceId)
    {
        lock (_lock)
        {
            _entries.Remove(instanceId);
        }
    }
}
