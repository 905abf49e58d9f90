using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Tests.Durable;

/// <summary>Small orchestrators and activities the engine tests share.</summary>
internal static class TestOrchestrations
{
    /// <summary>An orchestrator written as a lambda.</summary>
    public sealed class Inline<TIn, TOut>(Func<OrchestrationContext, TIn, Task<TOut>> body) : Orchestrator<TIn, TOut>
    {
        public override Task<TOut> RunAsync(OrchestrationContext context, TIn input) => body(context, input);
    }

    /// <summary>An activity written as a lambda.</summary>
    public sealed class InlineActivity<TIn, TOut>(Func<ActivityContext, TIn, Task<TOut>> body) : Activity<TIn, TOut>
    {
        public override Task<TOut> RunAsync(ActivityContext context, TIn input) => body(context, input);
    }

    public static OrchestrationRegistry AddOrchestrator<TIn, TOut>(this OrchestrationRegistry registry, string name, Func<OrchestrationContext, TIn, Task<TOut>> body)
        => registry.AddOrchestrator(name, () => new Inline<TIn, TOut>(body));

    public static OrchestrationRegistry AddActivity<TIn, TOut>(this OrchestrationRegistry registry, string name, Func<ActivityContext, TIn, Task<TOut>> body)
        => registry.AddActivity(name, () => new InlineActivity<TIn, TOut>(body));

    public static OrchestrationRegistry AddActivity<TIn, TOut>(this OrchestrationRegistry registry, string name, Func<TIn, TOut> body)
        => registry.AddActivity(name, () => new InlineActivity<TIn, TOut>((_, input) => Task.FromResult(body(input))));
}
