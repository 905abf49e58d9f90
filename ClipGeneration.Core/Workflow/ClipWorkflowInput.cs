using ClipGeneration.Core.Media;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Workflow;

/// <summary>The orchestration's input: a validated clip request and where its output goes.</summary>
/// <param name="ClipId">The clip id, also the orchestration's instance id.</param>
/// <param name="Manifest">The recording's playlist, already validated against the allow-list.</param>
/// <param name="Segments">The requested ranges in the request's order.</param>
/// <param name="Mode">Keyframe (stream copy) or accurate (re-encode).</param>
/// <param name="Title">Optional title, kept on the record.</param>
/// <param name="Variant">Optional HLS variant (bandwidth) to use from a master playlist.</param>
/// <param name="OutputRoot">The output bucket prefix or folder; clips go to <c>clips/{clipId}/</c> below it.</param>
/// <param name="SegmentConcurrency">How many extractions may run at once (host.json <c>clipGeneration.segmentConcurrency</c>).</param>
public sealed record ClipWorkflowInput(
    string ClipId,
    MediaLocation Manifest,
    IReadOnlyList<RequestedSegment> Segments,
    ClipMode Mode,
    string? Title,
    long? Variant,
    MediaLocation OutputRoot,
    int SegmentConcurrency)
{
    /// <summary>The workflow input for a validated request, writing under <paramref name="outputRoot"/>.</summary>
    public static ClipWorkflowInput From(ValidatedClipRequest request, MediaLocation outputRoot, int segmentConcurrency)
    {
        ArgumentNullException.ThrowIfNull(request);
        long? bandwidth = request.Variant is { } variant ? long.Parse(variant, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ClipWorkflowInput(request.ClipId, request.Manifest, request.Segments, request.Mode, request.Title, bandwidth, outputRoot, segmentConcurrency);
    }

    /// <summary>Gets <c>clips/{clipId}/</c> under the output root: every object of this clip lives below it.</summary>
    public MediaLocation ClipFolder => OutputRoot.Combine($"clips/{ClipId}/");

    /// <summary>Gets <c>clips/{clipId}/segments/</c>: the intermediate pieces, deleted when the clip is done.</summary>
    public MediaLocation SegmentsFolder => OutputRoot.Combine($"clips/{ClipId}/segments/");

    /// <summary>Gets <c>clips/{clipId}/{clipId}.mp4</c>: the finished clip.</summary>
    public MediaLocation FinalClip => OutputRoot.Combine($"clips/{ClipId}/{ClipId}.mp4");

    /// <summary>The intermediate object for the range at <paramref name="index"/>.</summary>
    public MediaLocation SegmentLocation(int index) => OutputRoot.Combine($"clips/{ClipId}/segments/{index}.mp4");
}
