namespace ClipGeneration.Core.Orchestration;

/// <summary>An orchestrator as an engine sees it: untyped input and output.</summary>
public interface IOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(OrchestrationContext context, object? input);
}

/// <summary>Base class for orchestrators: deterministic workflow code written against <see cref="OrchestrationContext"/>.</summary>
public abstract class Orchestrator<TInput, TOutput> : IOrchestrator
{
    Type IOrchestrator.InputType => typeof(TInput);

    Type IOrchestrator.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(OrchestrationContext context, TInput input);

    async Task<object?> IOrchestrator.RunAsync(OrchestrationContext context, object? input)
        => await RunAsync(context, (TInput)input!);
}
