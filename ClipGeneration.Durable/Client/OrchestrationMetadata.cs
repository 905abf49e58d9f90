using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.History;
using ClipGeneration.Durable.Serialization;

namespace ClipGeneration.Durable.Client;

/// <summary>What a client sees of an instance: Durable Task's <c>OrchestrationMetadata</c>.</summary>
/// <remarks>
/// Payloads are JSON text, present only when the query asked for inputs and outputs; <see cref="History"/> only
/// when it asked for history. <see cref="FailureDetails"/> is set when the status is Failed.
/// </remarks>
public sealed record OrchestrationMetadata
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Gets the reason given when the instance was terminated.</summary>
    public string? TerminationReason { get; init; }

    public IReadOnlyList<HistoryEvent>? History { get; init; }

    public bool IsTerminal => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}
