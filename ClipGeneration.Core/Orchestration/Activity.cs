namespace ClipGeneration.Core.Orchestration;

/// <summary>What an activity knows about the call that runs it.</summary>
/// <param name="Name">The activity's registered name.</param>
/// <param name="InstanceId">The orchestration instance that scheduled it.</param>
/// <param name="TaskId">The history id of its TaskScheduled event: stable across re-runs of the same call.</param>
/// <param name="CancellationToken">Signalled when the host stops or the instance is terminated.</param>
public sealed record ActivityContext(string Name, string InstanceId, int TaskId, CancellationToken CancellationToken);

/// <summary>An activity as an engine sees it: untyped input and output.</summary>
/// <remarks>Activities run at least once: each must be idempotent.</remarks>
public interface IActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(ActivityContext context, object? input);
}

/// <summary>Base class for activities: the place for I/O, clocks and side effects.</summary>
public abstract class Activity<TInput, TOutput> : IActivity
{
    Type IActivity.InputType => typeof(TInput);

    Type IActivity.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);

    async Task<object?> IActivity.RunAsync(ActivityContext context, object? input)
        => await RunAsync(context, (TInput)input!);
}
