using System.Diagnostics;

namespace ClipGeneration.Durable.Hosting;

/// <summary>The engine's trace source: one span per activity execution, tagged with the instance id.</summary>
public static class DurableDiagnostics
{
    public const string ActivitySourceName = "ClipGeneration.Durable";

    public const string InstanceIdTag = "durable.instance_id";

    public const string ActivityNameTag = "durable.activity";

    public const string TaskIdTag = "durable.task_id";

    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}
