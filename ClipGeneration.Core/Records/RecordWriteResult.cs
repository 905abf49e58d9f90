namespace ClipGeneration.Core.Records;

/// <summary>What a write did to a clip record.</summary>
public enum RecordWriteOutcome
{
    /// <summary>This call changed the record.</summary>
    Applied,

    /// <summary>The same transition id was applied before: nothing changed (a redelivered event or a re-run activity).</summary>
    Repeated,

    /// <summary>Create only: a record with this clip id already exists from another transition; it was left as it is.</summary>
    AlreadyExists,
}

/// <summary>The record after a write, and what the write did.</summary>
public sealed record RecordWriteResult(ClipRecord Record, RecordWriteOutcome Outcome)
{
    public bool Applied => Outcome == RecordWriteOutcome.Applied;
}

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record ClipRecordPage(IReadOnlyList<ClipRecord> Items, string? ContinuationToken);
