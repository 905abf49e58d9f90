namespace ClipGeneration.Durable.Client;

/// <summary>Filters and paging for <see cref="DurableClient.QueryInstancesAsync"/>; every filter is optional.</summary>
/// <remarks>
/// Results are ordered by creation time, then instance id. <see cref="ContinuationToken"/> is the value a previous
/// page returned (opaque); a token this engine did not issue is refused with <see cref="ArgumentException"/>.
/// <see cref="PageSize"/> must be 1..1000.
/// </remarks>
public sealed record InstanceQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? RuntimeStatus { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    public string? ContinuationToken { get; init; }

    public bool FetchInputsAndOutputs { get; init; }
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record InstancePage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>The outcome of a schedule request: the instance id and whether this call created it.</summary>
public sealed record ScheduleResult(string InstanceId, bool Created);
