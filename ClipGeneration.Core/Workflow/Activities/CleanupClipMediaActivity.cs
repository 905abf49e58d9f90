using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow.Contracts;

namespace ClipGeneration.Core.Workflow.Activities;

/// <summary>Deletes every object under a prefix: the segments of a processed clip, or everything of a failed one.</summary>
/// <remarks>Deleting what is already gone succeeds, so a re-run is harmless.</remarks>
public sealed class CleanupClipMediaActivity(IMediaStore store) : Activity<CleanupClipMediaInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, CleanupClipMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await store.DeletePrefixAsync(input.Prefix, context.CancellationToken);
        return true;
    }
}
