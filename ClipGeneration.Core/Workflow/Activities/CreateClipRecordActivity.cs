using ClipGeneration.Core.Media;
using ClipGeneration.Core.Observability;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Creates the clip record with status <c>processing</c>; a re-run with the same transition id changes nothing.</summary>
public sealed class CreateClipRecordActivity(IClipRecordStore records) : Activity<CreateClipRecordInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, CreateClipRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var record = new ClipRecord
        {
            ClipId = request.ClipId,
            Status = ClipStatus.Processing,
            Manifest = request.Manifest.ToString(),
            Segments = request.Segments,
            Mode = request.Mode == ClipMode.Accurate ? "accurate" : "keyframe",
            Title = request.Title,
            CreatedAt = input.At,
            UpdatedAt = input.At,
        };
        var result = await records.CreateAsync(record, input.TransitionId, context.CancellationToken);
        if (result.Applied)
        {
            // Counted where the record is created, so a re-run activity or a redelivered event counts once.
            ClipTelemetry.ClipsStarted.Add(1, new KeyValuePair<string, object?>(ClipTelemetry.ModeTag, record.Mode));
        }

        return result.Applied;
    }
}
