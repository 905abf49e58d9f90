using ClipGeneration.Core.Requests;

namespace ClipGeneration.Core.Records;

/// <summary>
/// The stored state of one clip (the <c>GET /api/clips/{clipId}</c> contract in ARCHITECTURE.md).
/// Serialized with System.Text.Json web defaults (<see cref="ClipRecordJson.Options"/>): camelCase, status as lower-case strings.
/// </summary>
public sealed record ClipRecord
{
    public required string ClipId { get; init; }

    public required ClipStatus Status { get; init; }

    /// <summary>Gets the playlist as the request named it (<c>s3://...</c> or a local path).</summary>
    public required string Manifest { get; init; }

    /// <summary>Gets the requested ranges as given (offsets or instants, not yet mapped to chunks).</summary>
    public required IReadOnlyList<RequestedSegment> Segments { get; init; }

    /// <summary>Gets <c>keyframe</c> or <c>accurate</c>.</summary>
    public required string Mode { get; init; }

    public string? Title { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets every status change, oldest first.</summary>
    public IReadOnlyList<StatusHistoryEntry> StatusHistory { get; init; } = [];

    /// <summary>Gets the final clip; set when <see cref="Status"/> is processed.</summary>
    public ClipOutput? Output { get; init; }

    /// <summary>Gets the seconds from creation to completion; set when processed.</summary>
    public double? ProcessingSeconds { get; init; }

    /// <summary>Gets what went wrong; set when <see cref="Status"/> is failed.</summary>
    public ClipError? Error { get; init; }
}

/// <summary>One requested range, as the request gave it.</summary>

/// <summary>One status change.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When (the orchestration's replay-safe clock).</param>
/// <param name="Step">The workflow step that made the change (create, complete, extract, stitch...).</param>
/// <param name="Details">Free text: the output URI, the error message.</param>
/// <param name="TransitionId">The caller's id for this change (instance id + step), which makes repeats no-ops.</param>
public sealed record StatusHistoryEntry(ClipStatus Status, DateTimeOffset At, string Step, string? Details, string TransitionId);

/// <summary>The final clip and its probed metadata.</summary>
public sealed record ClipOutput(
    string Uri,
    long SizeBytes,
    double DurationSeconds,
    int Width,
    int Height,
    string VideoCodec,
    string? AudioCodec);

/// <summary>Why a clip failed: the exception type, its message, and the step that failed.</summary>
public sealed record ClipError(string Type, string Message, string Step);
