using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Core.Workflow.Activities;
using ClipGeneration.Core.Workflow.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Functions.Orchestration;

/// <summary>
/// One activity function per Core activity, each a one-line delegation to the Core class the embedded host runs
/// under the same name (<see cref="ClipWorkflowNames"/>). No logic lives here.
/// </summary>
public sealed class ClipActivityFunctions(IServiceProvider services)
{
    [Function(ClipWorkflowNames.CreateClipRecord)]
    public Task<bool> CreateClipRecord([ActivityTrigger] CreateClipRecordInput input, FunctionContext context)
        => Run<CreateClipRecordActivity, CreateClipRecordInput, bool>(ClipWorkflowNames.CreateClipRecord, input, context);

    [Function(ClipWorkflowNames.PlanClip)]
    public Task<ClipPlan> PlanClip([ActivityTrigger] PlanClipInput input, FunctionContext context)
        => Run<PlanClipActivity, PlanClipInput, ClipPlan>(ClipWorkflowNames.PlanClip, input, context);

    [Function(ClipWorkflowNames.ExtractSegment)]
    public Task<StoredSegment> ExtractSegment([ActivityTrigger] ExtractSegmentInput input, FunctionContext context)
        => Run<ExtractSegmentActivity, ExtractSegmentInput, StoredSegment>(ClipWorkflowNames.ExtractSegment, input, context);

    [Function(ClipWorkflowNames.StitchClip)]
    public Task<StoredClip> StitchClip([ActivityTrigger] StitchClipInput input, FunctionContext context)
        => Run<StitchClipActivity, StitchClipInput, StoredClip>(ClipWorkflowNames.StitchClip, input, context);

    [Function(ClipWorkflowNames.CompleteClipRecord)]
    public Task<bool> CompleteClipRecord([ActivityTrigger] CompleteClipRecordInput input, FunctionContext context)
        => Run<CompleteClipRecordActivity, CompleteClipRecordInput, bool>(ClipWorkflowNames.CompleteClipRecord, input, context);

    [Function(ClipWorkflowNames.FailClipRecord)]
    public Task<bool> FailClipRecord([ActivityTrigger] FailClipRecordInput input, FunctionContext context)
        => Run<FailClipRecordActivity, FailClipRecordInput, bool>(ClipWorkflowNames.FailClipRecord, input, context);

    [Function(ClipWorkflowNames.CleanupClipMedia)]
    public Task<bool> CleanupClipMedia([ActivityTrigger] CleanupClipMediaInput input, FunctionContext context)
        => Run<CleanupClipMediaActivity, CleanupClipMediaInput, bool>(ClipWorkflowNames.CleanupClipMedia, input, context);

    private Task<TOutput> Run<TActivity, TInput, TOutput>(string name, TInput input, FunctionContext context)
        where TActivity : Activity<TInput, TOutput>
    {
        // Durable passes the scheduling instance's id as binding data; it only labels logs and spans here.
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        var activity = ActivatorUtilities.CreateInstance<TActivity>(services);
        return activity.RunAsync(new ActivityContext(name, instanceId, 0, context.CancellationToken), input);
    }
}
