using ClipGeneration.Core.Observability;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Marks the record <c>failed</c> with the error's type, message and the step that failed.</summary>
public sealed class FailClipRecordActivity(IClipRecordStore records) : Activity<FailClipRecordInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, FailClipRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var error = new ClipError(input.ErrorType, input.ErrorMessage, input.Step);
        var result = await records.MarkFailedAsync(input.ClipId, error, input.At, input.TransitionId, context.CancellationToken);
        if (result.Applied)
        {
            ClipTelemetry.ClipsFailed.Add(1, new KeyValuePair<string, object?>(ClipTelemetry.StepTag, input.Step));
        }

        return result.Applied;
    }
}
