using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Core.Workflow.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Functions.Orchestration;

/// <summary>The orchestrator function: Core's <see cref="ClipGenerationOrchestrator"/> behind the Durable adapter.</summary>
/// <remarks>The workflow's logic lives in Core only; this function adapts the context and passes the input through.</remarks>
public sealed class ClipGenerationOrchestratorFunction
{
    private readonly IServiceProvider _services;

    public ClipGenerationOrchestratorFunction(IServiceProvider services)
    {
        _services = services;
    }

    [Function(ClipWorkflowNames.Orchestrator)]
    public Task<object?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        IOrchestrator orchestrator = ActivatorUtilities.GetServiceOrCreateInstance<ClipGenerationOrchestrator>(_services);
        var input = context.GetInput<ClipWorkflowInput>();
        return orchestrator.RunAsync(new DurableOrchestrationContextAdapter(context), input);
    }
}
