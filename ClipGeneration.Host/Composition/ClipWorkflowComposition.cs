using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Workflow;

namespace ClipGeneration.Host.Composition;

/// <summary>What the host runs on its engine: the orchestrators and activities, and the services they need.</summary>
/// <param name="AddServices">Adds the workflow's services (stores, ffmpeg, planners) to the host's container.</param>
/// <param name="Register">Registers orchestrators and activities by name.</param>
/// <remarks>
/// <see cref="ClipWorkflow"/> is the clip workflow of ClipGeneration.Core; tests may pass another composition (a small
/// test orchestrator) to exercise the host's plumbing on its own.
/// </remarks>
public sealed record ClipWorkflowComposition(Action<IServiceCollection, IConfiguration> AddServices, Action<OrchestrationRegistry> Register)
{
    /// <summary>Gets the clip workflow (orchestrator, activities, their services).</summary>
    public static ClipWorkflowComposition ClipWorkflow { get; } = new(
        static (services, configuration) => services.AddClipWorkflowServices(configuration),
        static registry => registry.AddClipWorkflow());
}
