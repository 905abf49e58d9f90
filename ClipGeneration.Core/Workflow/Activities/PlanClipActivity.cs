using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Timing;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Loads the recording's playlist and maps every requested range to the chunks that cover it.</summary>
/// <remarks>A missing playlist or an unmappable range fails without retries (the errors are non-retryable).</remarks>
public sealed class PlanClipActivity(ClipPlanner planner) : Activity<PlanClipInput, ClipPlan>
{
    public override Task<ClipPlan> RunAsync(ActivityContext context, PlanClipInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ranges = input.Segments.Select(s => new TimeRange(s.StartTime, s.EndTime)).ToList();
        return planner.PlanAsync(input.Manifest, ranges, input.Variant, context.CancellationToken);
    }
}
