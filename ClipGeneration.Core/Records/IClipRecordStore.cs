namespace ClipGeneration.Core.Records;

/// <summary>
/// Stores clip records and validates their status transitions itself, with single conditional writes
/// (no transactions), so concurrent or repeated writers cannot corrupt a record.
/// </summary>
/// <remarks>
/// Transition ids: the caller derives each from the orchestration instance id and the workflow step
/// (e.g. <c>{instanceId}:create</c>, <c>{instanceId}:complete</c>, <c>{instanceId}:fail</c>), so an activity
/// that runs twice presents the same id and its second run is a no-op (<see cref="RecordWriteOutcome.Repeated"/>),
/// while a different writer is held to the transition rules. Every entry in the status history keeps its id.
/// Legal: create as processing; processing -> processed; processing -> failed. Anything else throws
/// <see cref="IllegalClipTransitionException"/> and leaves the record unchanged.
/// Bad input (empty clip or transition id, an initial record that is not processing, top outside 1..1000,
/// a continuation token this store did not issue) throws <see cref="ArgumentException"/>.
/// </remarks>
public interface IClipRecordStore
{
    /// <summary>Creates the record if no record with its clip id exists.</summary>
    /// <param name="initial">Status processing, no output or error. Its history is empty (the store adds the
    /// <c>create</c> entry at <see cref="ClipRecord.CreatedAt"/>) or one processing entry (the store stamps the transition id on it).</param>
    /// <param name="transitionId">Id of this creation; an existing record created with the same id is returned as <see cref="RecordWriteOutcome.Repeated"/>,
    /// one created by another as <see cref="RecordWriteOutcome.AlreadyExists"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<RecordWriteResult> CreateAsync(ClipRecord initial, string transitionId, CancellationToken cancellationToken);

    /// <summary>processing -> processed, with the output, the processing time and a history entry (step <c>complete</c>).</summary>
    /// <exception cref="IllegalClipTransitionException">The record is not processing and this transition id was not applied before.</exception>
    /// <exception cref="ClipRecordNotFoundException">No such record.</exception>
    Task<RecordWriteResult> MarkProcessedAsync(string clipId, ClipOutput output, double processingSeconds, DateTimeOffset at, string transitionId, CancellationToken cancellationToken);

    /// <summary>processing -> failed, with the error and a history entry (step = the error's step).</summary>
    /// <exception cref="IllegalClipTransitionException">The record is not processing and this transition id was not applied before.</exception>
    /// <exception cref="ClipRecordNotFoundException">No such record.</exception>
    Task<RecordWriteResult> MarkFailedAsync(string clipId, ClipError error, DateTimeOffset at, string transitionId, CancellationToken cancellationToken);

    /// <summary>The record, or null when there is none.</summary>
    Task<ClipRecord?> GetAsync(string clipId, CancellationToken cancellationToken);

    /// <summary>Records, newest first when filtered by status, <paramref name="top"/> at most per page.</summary>
    Task<ClipRecordPage> ListAsync(ClipStatus? status, int top, string? continuationToken, CancellationToken cancellationToken);
}
