using ClipGeneration.Core.Media;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Workflow.Contracts;

// The inputs and outputs of the workflow's activities. They travel through the durable engine's history as
// JSON, so they carry locations and figures, never media bytes.

/// <summary>Creates the clip record with status <c>processing</c> (idempotent by <paramref name="TransitionId"/>).</summary>
public sealed record CreateClipRecordInput(ClipWorkflowInput Request, DateTimeOffset At, string TransitionId);

/// <summary>Loads the playlist and maps the requested ranges to chunks.</summary>
public sealed record PlanClipInput(MediaLocation Manifest, IReadOnlyList<RequestedSegment> Segments, long? Variant);

/// <summary>Cuts one range into an intermediate object at <paramref name="Destination"/>.</summary>
public sealed record ExtractSegmentInput(string ClipId, RangePlan Range, ClipMode Mode, MediaLocation Destination);

/// <summary>The intermediate object one range became, as stored under the clip's segments folder.</summary>
/// <param name="Index">The range's position in the request.</param>
/// <param name="Location">Where the piece is stored.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="DurationSeconds">Its duration.</param>
/// <param name="ActualStartSeconds">Where it really starts in the recording (keyframe mode starts at a keyframe).</param>
/// <param name="ActualEndSeconds">Where it really ends in the recording.</param>
public sealed record StoredSegment(int Index, MediaLocation Location, long SizeBytes, double DurationSeconds, double ActualStartSeconds, double ActualEndSeconds);

/// <summary>Joins the pieces (in order) into the final clip at <paramref name="Destination"/>.</summary>
public sealed record StitchClipInput(string ClipId, IReadOnlyList<MediaLocation> Segments, MediaLocation Destination);

/// <summary>The finished clip, probed and stored at its final location.</summary>
public sealed record StoredClip(
    MediaLocation Location,
    long SizeBytes,
    double DurationSeconds,
    int? Width,
    int? Height,
    string? VideoCodec,
    string? AudioCodec,
    double? FrameRate);

/// <summary>Marks the record <c>processed</c> with the clip's metadata and processing time.</summary>
public sealed record CompleteClipRecordInput(string ClipId, StoredClip Output, double ProcessingSeconds, DateTimeOffset At, string TransitionId);

/// <summary>Marks the record <c>failed</c> with the error and the step that failed.</summary>
public sealed record FailClipRecordInput(string ClipId, string ErrorType, string ErrorMessage, string Step, DateTimeOffset At, string TransitionId);

/// <summary>Deletes every object under <paramref name="Prefix"/> (intermediates, or everything of a failed clip).</summary>
public sealed record CleanupClipMediaInput(MediaLocation Prefix);

/// <summary>The orchestration's output when the clip is processed.</summary>
public sealed record ClipWorkflowResult(string ClipId, StoredClip Output, double ProcessingSeconds);
