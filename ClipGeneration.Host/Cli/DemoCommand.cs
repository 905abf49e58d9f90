using System.CommandLine;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Timing;
using ClipGeneration.Host.Clips;
using ClipGeneration.Host.Demo;
using Spectre.Console;

namespace ClipGeneration.Host.Cli;

/// <summary>
/// <c>./clipgen demo [--data DIR]</c>: makes a sample recording when there is none (60 s, 640x360, 4 s chunks with
/// program date-times, under <c>&lt;data&gt;/media/sample/</c>), generates three clips through the durable engine
/// (keyframe, accurate, three segments) with progress bars, and prints a table of what it made.
/// </summary>
/// <remarks>
/// Clip ids carry the run's time, so every run makes new clips and older runs stay listed. Exit 0 when all three are
/// processed, 1 when any failed (the table says which and why), 2 for invalid configuration.
/// </remarks>
public sealed class DemoCommand : ICliVerb
{
    /// <summary>The three demo clips: label, ranges in seconds, mode.</summary>
    internal static IReadOnlyList<(string Label, (double Start, double End)[] Ranges, ClipMode Mode)> Clips { get; } =
    [
        ("keyframe", [(5, 15)], ClipMode.Keyframe),
        ("accurate", [(12.5, 20.5)], ClipMode.Accurate),
        ("three-segments", [(2, 6), (20, 25), (40, 44)], ClipMode.Keyframe),
    ];

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("demo", "Make a sample recording and three clips from it through the durable engine.");
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(context.DataOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? data, CancellationToken cancellationToken)
    {
        var settings = await CliSettings.LoadAsync(context, "demo", data);
        if (settings is null)
        {
            return ExitCodes.BadInput;
        }

        var sampleFolder = Path.Combine(settings.LocalMediaRoot, "sample");
        if (!File.Exists(Path.Combine(sampleFolder, SampleRecording.PlaylistName)))
        {
            await context.Error.WriteLineAsync($"clipgen demo: making a 60 s sample recording with ffmpeg in {sampleFolder} ...");
        }

        var manifest = await SampleRecording.EnsureAsync(sampleFolder, new SampleRecordingSpec(), cancellationToken);
        await using var host = await CliHost.StartAsync(settings);
        var validator = host.Services.GetRequiredService<ClipRequestValidator>();
        var starter = host.Services.GetRequiredService<ClipStarter>();
        var run = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var clips = Clips.Select(clip =>
        {
            var segments = clip.Ranges.Select(r => new RequestedSegment(TimePoint.FromSeconds(r.Start), TimePoint.FromSeconds(r.End))).ToList();
            var request = validator.Validate(new ClipRequest($"demo-{run}-{clip.Label}", manifest, segments, clip.Mode, $"Demo: {clip.Label}"), trustedSource: true);
            return (clip.Label, starter.ToWorkflowInput(request));
        }).ToList();

        await context.Error.WriteLineAsync($"clipgen demo: generating {clips.Count} clips from {manifest} (data: {settings.DataDirectory})");
        var results = await ClipRunner.RunAsync(host.Services, clips, cancellationToken);
        WriteTable(context.Output, results);
        foreach (var failed in results.Where(r => !r.Succeeded))
        {
            await context.Error.WriteLineAsync($"clipgen demo: {failed.Input.ClipId} failed: {failed.FailureText}");
        }

        return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<ClipRunResult> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (Console.IsOutputRedirected)
        {
            // Piped or captured output has no terminal width; keep paths on one line instead of 80 columns.
            console.Profile.Width = 240;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Clip", "Status", "Duration", "Size", "Path", "Time taken" })
        {
            table.AddColumn(column);
        }

        foreach (var result in results)
        {
            var output = result.Record?.Output;
            table.AddRow(
                Markup.Escape(result.Input.ClipId),
                Markup.Escape(result.Record?.Status.ToString().ToLowerInvariant() ?? result.Status.RuntimeStatus.ToString().ToLowerInvariant()),
                output is null ? "-" : $"{output.DurationSeconds:0.00} s",
                output is null ? "-" : $"{output.SizeBytes / 1024.0:0.0} KiB",
                Markup.Escape(output?.Uri ?? result.FailureText),
                $"{result.Elapsed.TotalSeconds:0.0} s");
        }

        console.Write(table);
    }
}
