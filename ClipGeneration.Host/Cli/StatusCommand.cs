using System.CommandLine;
using ClipGeneration.Core.Records;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Host.Cli;

/// <summary><c>./clipgen status CLIPID [--json] [--data DIR]</c>: a clip's record and its instance's runtime status.</summary>
/// <remarks>
/// Reads the data directory without running the engine, so it works while <c>serve</c> or <c>clip</c> runs on it.
/// An unknown clip id is bad input (exit 2); a failed clip exits 1; otherwise 0.
/// </remarks>
public sealed class StatusCommand : ICliVerb
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clipId = new Argument<string>("CLIPID") { Description = "The clip id" };
        var json = new Option<bool>("--json") { Description = "Print the clip record as JSON" };
        var command = new Command("status", "Show a clip's record and status history.");
        command.Arguments.Add(clipId);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(clipId)!, parse.GetValue(json), parse.GetValue(context.DataOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string clipId, bool json, string? data, CancellationToken cancellationToken)
    {
        var settings = await CliSettings.LoadAsync(context, "status", data);
        if (settings is null)
        {
            return ExitCodes.BadInput;
        }

        var collection = new ServiceCollection();
        collection.AddLogging();
        Composition.ClipServices.AddClipHost(collection, settings, Composition.ClipWorkflowComposition.ClipWorkflow);
        await using var services = collection.BuildServiceProvider();
        var record = await services.GetRequiredService<IClipRecordStore>().GetAsync(clipId, cancellationToken);
        OrchestrationMetadata? instance = null;
        if (File.Exists(settings.DurableDatabasePath))
        {
            await using var client = DurableClient.Open(new DurableEngineOptions { DatabasePath = settings.DurableDatabasePath, HubName = settings.HubName });
            instance = await client.GetInstanceAsync(clipId, cancellationToken: cancellationToken);
        }

        if (record is null && instance is null)
        {
            await context.Error.WriteLineAsync($"clipgen status: CLIPID '{clipId}': no such clip in {settings.DataDirectory}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            await context.Output.WriteLineAsync(record is null ? $$"""{"clipId":"{{clipId}}","status":"processing","runtimeStatus":"{{instance!.RuntimeStatus}}"}""" : ClipRecordJson.Serialize(record));
        }
        else
        {
            await context.Output.WriteLineAsync($"{clipId}: {record?.Status.ToName() ?? "processing"} (instance: {instance?.RuntimeStatus.ToString() ?? "none"})");
            foreach (var entry in record?.StatusHistory ?? [])
            {
                await context.Output.WriteLineAsync($"  {entry.At:yyyy-MM-dd HH:mm:ss}Z  {entry.Status.ToName(),-10} {entry.Step,-8} {entry.Details}");
            }

            if (record?.Output is { } output)
            {
                await context.Output.WriteLineAsync($"  file: {output.Uri} ({output.DurationSeconds:0.00} s, {output.SizeBytes} bytes)");
            }

            if (record?.Error is { } error)
            {
                await context.Output.WriteLineAsync($"  error at {error.Step}: {error.Type}: {error.Message}");
            }
        }

        return record?.Status == ClipStatus.Failed || instance?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
            ? ExitCodes.Failed
            : ExitCodes.Success;
    }
}
