using System.Diagnostics;
using System.Text.Json;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Durable.Client;
using ClipGeneration.Host.Clips;
using Spectre.Console;

namespace ClipGeneration.Host.Cli;

/// <summary>Runs clips through the embedded engine and shows one progress bar per clip (from the orchestration's custom status).</summary>
/// <remarks>
/// Progress is drawn on standard error, so <c>--json</c> output on standard output stays clean; without a terminal
/// Spectre draws nothing. An id that already has an instance is not started again: the runner waits for that
/// instance (finishing a killed run from its history, or returning a finished one at once).
/// </remarks>
public static class ClipRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<IReadOnlyList<ClipRunResult>> RunAsync(
        IServiceProvider services, IReadOnlyList<(string Label, ClipWorkflowInput Input)> clips, CancellationToken cancellationToken)
    {
        var starter = services.GetRequiredService<ClipStarter>();
        var client = services.GetRequiredService<DurableClient>();
        var records = services.GetRequiredService<IClipRecordStore>();
        // Colours and live bars only on a terminal; redirected to a file or a CI log, plain progress lines.
        var interactive = !Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var results = new ClipRunResult[clips.Count];
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var runs = clips.Select(async (clip, index) =>
                {
                    var task = progress.AddTask(Markup.Escape(clip.Label), maxValue: 100);
                    var clock = Stopwatch.StartNew();
                    await starter.StartAsync(clip.Input, "cli", cancellationToken);
                    var status = await WaitAsync(client, clip.Input.ClipId, task, clip.Label, cancellationToken);
                    clock.Stop();
                    task.Value = 100;
                    task.Description = Markup.Escape($"{clip.Label}: {Describe(status.RuntimeStatus)}");
                    var record = await records.GetAsync(clip.Input.ClipId, cancellationToken);
                    results[index] = new ClipRunResult(clip.Label, clip.Input, status, record, clock.Elapsed);
                });
                await Task.WhenAll(runs);
            });
        return results;
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableClient client, string clipId, ProgressTask task, string label, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await client.GetInstanceAsync(clipId, getInputsAndOutputs: true, cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException($"Instance '{clipId}' disappeared while running (purged by another process?).");
            if (status.IsTerminal)
            {
                return status;
            }

            if (ReadProgress(status) is { } step)
            {
                task.Value = Percent(step);
                task.Description = Markup.Escape($"{label}: {step.Step} {step.SegmentsDone}/{step.SegmentsTotal}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static ClipProgress? ReadProgress(OrchestrationMetadata status)
    {
        try
        {
            return status.ReadCustomStatusAs<ClipProgress>();
        }
        catch (JsonException)
        {
            // A custom status of another shape only means no progress figure to show.
            return null;
        }
    }

    private static double Percent(ClipProgress progress) => progress.Step switch
    {
        ClipWorkflowSteps.Record => 5,
        ClipWorkflowSteps.Plan => 10,
        ClipWorkflowSteps.Extract => 10 + (70.0 * progress.SegmentsDone / Math.Max(1, progress.SegmentsTotal)),
        ClipWorkflowSteps.Stitch => 85,
        ClipWorkflowSteps.Complete => 95,
        _ => 50,
    };

    private static string Describe(OrchestrationRuntimeStatus status) => status == OrchestrationRuntimeStatus.Completed ? "done" : status.ToString().ToLowerInvariant();
}

/// <summary>What one clip run ended as: the instance's final status, the record, and the wall time this command waited.</summary>
public sealed record ClipRunResult(string Label, ClipWorkflowInput Input, OrchestrationMetadata Status, ClipRecord? Record, TimeSpan Elapsed)
{
    public bool Succeeded => Status.RuntimeStatus == OrchestrationRuntimeStatus.Completed && Record?.Status == ClipStatus.Processed;

    /// <summary>Gets why the clip failed, from the record or else the instance.</summary>
    public string FailureText => Record?.Error is { } error
        ? $"{error.Step}: {error.Type}: {error.Message}"
        : Status.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : Status.RuntimeStatus.ToString();
}
