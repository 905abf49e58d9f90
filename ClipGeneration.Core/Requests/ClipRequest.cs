using ClipGeneration.Core.Media;

namespace ClipGeneration.Core.Requests;

/// <summary>
/// A Begin Clip Generation request as it arrived (the <c>detail</c> of the event, or the body of
/// <c>POST /api/clips</c>): shape-checked by <see cref="ClipRequestReader"/>, not yet validated.
/// </summary>
/// <param name="ClipId">The clip's id; also the orchestration's instance id.</param>
/// <param name="Manifest">The recording's playlist exactly as given: <c>s3://bucket/key</c> or a local path.</param>
/// <param name="Segments">The ranges to cut, in clip order.</param>
/// <param name="Mode">Keyframe (default when the request names none) or accurate.</param>
/// <param name="Title">A free-text title for the clip, if any.</param>
/// <param name="Variant">For a master playlist: the variant to cut, by bandwidth or name; the highest bandwidth when absent.</param>
public sealed record ClipRequest(
    string ClipId,
    string Manifest,
    IReadOnlyList<RequestedSegment> Segments,
    ClipMode Mode = ClipMode.Keyframe,
    string? Title = null,
    string? Variant = null);
