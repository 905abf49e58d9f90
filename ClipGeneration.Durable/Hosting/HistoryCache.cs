using ClipGeneration.Durable.History;

namespace ClipGeneration.Durable.Hosting;

/// <summary>
/// The last history each running instance committed in this process, so a turn need not re-read and re-parse it.
/// </summary>
/// <remarks>
/// Only a shortcut: the store uses a cached history only when its length equals the instance row's committed
/// history count, and reads from the database otherwise (another process advanced it, or after a restart).
/// </remarks>
internal sealed class HistoryCache(int capacity)
{
    private readonly Dictionary<string, IReadOnlyList<HistoryEvent>> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyList<HistoryEvent>? Get(string instanceId)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(instanceId);
        }
    }

    public void Set(string instanceId, IReadOnlyList<HistoryEvent> history)
    {
        lock (_lock)
        {
            if (_entries.Count >= capacity && !_entries.ContainsKey(instanceId))
            {
                _entries.Remove(_entries.Keys.First());
            }

            _entries[instanceId] = history;
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
