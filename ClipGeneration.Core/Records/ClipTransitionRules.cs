namespace ClipGeneration.Core.Records;

/// <summary>The transition rules both stores share: argument checks, the history entries, and the verdict after a refused conditional write.</summary>
public static class ClipTransitionRules
{
    public const int MaxTop = 1000;

    public const string CreateStep = "create";

    public const string CompleteStep = "complete";

    /// <summary>Checks an initial record and returns it with the creation entry in its history.</summary>
    public static ClipRecord PrepareInitial(ClipRecord initial, string transitionId)
    {
        ArgumentNullException.ThrowIfNull(initial);
        RequireId(initial.ClipId, nameof(initial));
        RequireId(transitionId, nameof(transitionId));
        if (initial.Status != ClipStatus.Processing || initial.Output is not null || initial.Error is not null || initial.ProcessingSeconds is not null)
        {
            throw new ArgumentException($"Clip '{initial.ClipId}': a new record must be processing with no output, error or processing time (was {initial.Status.ToName()}).", nameof(initial));
        }

        var entry = initial.StatusHistory.Count switch
        {
            0 => new StatusHistoryEntry(ClipStatus.Processing, initial.CreatedAt, CreateStep, null, transitionId),
            1 when initial.StatusHistory[0].Status == ClipStatus.Processing => initial.StatusHistory[0] with { TransitionId = transitionId },
            _ => throw new ArgumentException($"Clip '{initial.ClipId}': a new record's history must be empty or one processing entry.", nameof(initial)),
        };
        return initial with { StatusHistory = [entry], UpdatedAt = initial.CreatedAt > initial.UpdatedAt ? initial.CreatedAt : initial.UpdatedAt };
    }

    /// <summary>What a create found when a record was already there.</summary>
    public static RecordWriteResult ExistingOnCreate(ClipRecord existing, string transitionId)
        => new(existing, existing.StatusHistory.Any(e => e.TransitionId == transitionId) ? RecordWriteOutcome.Repeated : RecordWriteOutcome.AlreadyExists);

    /// <summary>
    /// The verdict after a conditional transition was refused: a repeat of an applied transition returns the record;
    /// anything else is illegal. Returns null when the record is still processing without this id (the caller retries).
    /// </summary>
    public static RecordWriteResult? AfterRefusedTransition(string clipId, ClipRecord? current, ClipStatus to, string transitionId)
    {
        if (current is null)
        {
            throw new ClipRecordNotFoundException(clipId);
        }

        if (current.StatusHistory.Any(e => e.TransitionId == transitionId))
        {
            return new RecordWriteResult(current, RecordWriteOutcome.Repeated);
        }

        if (current.Status != ClipStatus.Processing)
        {
            throw new IllegalClipTransitionException(clipId, current.Status, to, transitionId);
        }

        return null;
    }

    public static StatusHistoryEntry ProcessedEntry(ClipOutput output, DateTimeOffset at, string transitionId)
        => new(ClipStatus.Processed, at, CompleteStep, output.Uri, transitionId);

    public static StatusHistoryEntry FailedEntry(ClipError error, DateTimeOffset at, string transitionId)
        => new(ClipStatus.Failed, at, error.Step, $"{error.Type}: {error.Message}", transitionId);

    public static void CheckTransitionArguments(string clipId, string transitionId)
    {
        RequireId(clipId, nameof(clipId));
        RequireId(transitionId, nameof(transitionId));
    }

    public static void CheckTop(int top)
    {
        if (top is < 1 or > MaxTop)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, $"top must be between 1 and {MaxTop}");
        }
    }

    private static void RequireId(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 512)
        {
            throw new ArgumentException($"{name} must be non-empty and at most 512 characters.", name);
        }
    }
}
