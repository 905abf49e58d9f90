namespace ClipGeneration.Core.Orchestration;

/// <summary>
/// Names to orchestrator and activity factories: what a host registers with its engine.
/// Both hosts build theirs from the same Core registration list, so names cannot drift apart.
/// </summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, IOrchestrator>> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, IActivity>> _activities = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    public OrchestrationRegistry AddOrchestrator(string name, Func<IServiceProvider, IOrchestrator> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_orchestrators.TryAdd(name, factory))
        {
            throw new InvalidOperationException($"An orchestrator named '{name}' is already registered.");
        }

        return this;
    }

    public OrchestrationRegistry AddActivity(string name, Func<IServiceProvider, IActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_activities.TryAdd(name, factory))
        {
            throw new InvalidOperationException($"An activity named '{name}' is already registered.");
        }

        return this;
    }

    /// <summary>Registers an orchestrator whose factory needs no services.</summary>
    public OrchestrationRegistry AddOrchestrator(string name, Func<IOrchestrator> factory)
        => AddOrchestrator(name, _ => factory());

    /// <summary>Registers an activity whose factory needs no services.</summary>
    public OrchestrationRegistry AddActivity(string name, Func<IActivity> factory)
        => AddActivity(name, _ => factory());

    public bool TryGetOrchestrator(string name, out Func<IServiceProvider, IOrchestrator> factory)
        => _orchestrators.TryGetValue(name, out factory!);

    public bool TryGetActivity(string name, out Func<IServiceProvider, IActivity> factory)
        => _activities.TryGetValue(name, out factory!);
}
