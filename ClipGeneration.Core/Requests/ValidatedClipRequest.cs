using ClipGeneration.Core.Media;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Requests;

/// <summary>A clip request that passed every rule of <see cref="ClipRequestValidator"/>: what the workflow starts from.</summary>
/// <param name="ClipId">The clip id: safe as an instance id, object key and file name.</param>
/// <param name="Manifest">The playlist, resolved to a location inside the allow-list (or anywhere, for a trusted source).</param>
/// <param name="Segments">The ranges, each ending after it starts, within the limits.</param>
/// <param name="Mode">Keyframe or accurate.</param>
/// <param name="Title">The request's title, if any.</param>
/// <param name="Variant">The requested HLS variant (bandwidth or name), trimmed, if any.</param>
public sealed record ValidatedClipRequest(
    string ClipId,
    MediaLocation Manifest,
    IReadOnlyList<RequestedSegment> Segments,
    ClipMode Mode,
    string? Title,
    string? Variant);
