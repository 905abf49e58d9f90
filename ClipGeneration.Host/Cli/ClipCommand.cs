using System.CommandLine;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Host.Clips;

namespace ClipGeneration.Host.Cli;

/// <summary>
/// <c>./clipgen clip --manifest M --range A/B [--range ...] [--mode keyframe|accurate] --out FILE [--id ID] [--json]</c>:
/// one clip through the embedded engine, with a progress bar; the finished MP4 is copied to <c>--out</c>.
/// </summary>
/// <remarks>
/// <c>--manifest</c> may be any local path or s3:// URI (the user owns the machine); every other request rule holds.
/// Bad input (a malformed range, a missing manifest, an unknown mode) prints one line naming the argument and exits 2;
/// a clip that fails exits 1 with the step and the error; success exits 0 (<c>--json</c> prints the clip record).
/// Running again with the same <c>--id</c> and <c>--data</c> finishes a killed run from the engine's history.
/// </remarks>
public sealed class ClipCommand : ICliVerb
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = new Option<string>("--manifest") { Description = "The recording's playlist: a local path or s3://bucket/key", Required = true };
        var ranges = new Option<string[]>("--range") { Description = "START/END (seconds, hh:mm:ss.fff or ISO-8601 instants); repeat for more ranges", Required = true };
        var mode = new Option<string>("--mode") { Description = "keyframe (fast stream copy) or accurate (frame-exact)", DefaultValueFactory = _ => "keyframe" };
        var output = new Option<string>("--out") { Description = "Where to copy the finished MP4", Required = true };
        var id = new Option<string?>("--id") { Description = "The clip id (default: generated and printed); reuse it to finish a killed run" };
        var json = new Option<bool>("--json") { Description = "Print the clip record as JSON" };
        var command = new Command("clip", "Make one clip through the durable engine.");
        foreach (var option in new Option[] { manifest, ranges, mode, output, id, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            new ClipArguments(parse.GetValue(manifest)!, parse.GetValue(ranges) ?? [], parse.GetValue(mode)!, parse.GetValue(output)!, parse.GetValue(id), parse.GetValue(json)),
            parse.GetValue(context.DataOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ClipArguments arguments, string? data, CancellationToken cancellationToken)
    {
        var error = context.Error;
        var segments = new List<Core.Requests.RequestedSegment>();
        foreach (var text in arguments.Ranges)
        {
            if (!CliRanges.TryParse(text, out var segment, out var problem))
            {
                await error.WriteLineAsync($"clipgen clip: --range '{text}': {problem}");
                return ExitCodes.BadInput;
            }

            segments.Add(segment);
        }

        ClipMode mode;
        switch (arguments.Mode.Trim().ToLowerInvariant())
        {
            case "keyframe":
                mode = ClipMode.Keyframe;
                break;
            case "accurate":
                mode = ClipMode.Accurate;
                break;
            default:
                await error.WriteLineAsync($"clipgen clip: --mode '{arguments.Mode}': use keyframe or accurate");
                return ExitCodes.BadInput;
        }

        var outputPath = Path.GetFullPath(arguments.Output);
        if (Directory.Exists(outputPath) || !Directory.Exists(Path.GetDirectoryName(outputPath)))
        {
            await error.WriteLineAsync($"clipgen clip: --out '{arguments.Output}': must be a file path in an existing folder");
            return ExitCodes.BadInput;
        }

        var settings = await CliSettings.LoadAsync(context, "clip", data);
        if (settings is null)
        {
            return ExitCodes.BadInput;
        }

        var clipId = arguments.Id ?? $"clip-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var manifestText = arguments.Manifest.Contains("://", StringComparison.Ordinal) ? arguments.Manifest : Path.GetFullPath(arguments.Manifest);
        if (!manifestText.Contains("://", StringComparison.Ordinal) && !File.Exists(manifestText))
        {
            await error.WriteLineAsync($"clipgen clip: --manifest '{arguments.Manifest}': no such file");
            return ExitCodes.BadInput;
        }

        await using var host = await CliHost.StartAsync(settings);
        var validator = host.Services.GetRequiredService<ClipRequestValidator>();
        var checkedRequest = validator.Check(new ClipRequest(clipId, manifestText, segments, mode), trustedSource: true);
        if (checkedRequest.Request is not { } valid)
        {
            foreach (var problem in checkedRequest.Problems)
            {
                await error.WriteLineAsync($"clipgen clip: {ArgumentFor(problem.Field, arguments)}: {problem.Reason}");
            }

            return ExitCodes.BadInput;
        }

        var input = host.Services.GetRequiredService<ClipStarter>().ToWorkflowInput(valid);
        if (arguments.Id is null)
        {
            await error.WriteLineAsync($"clipgen clip: clip id {clipId} (re-run with --id {clipId} to resume it)");
        }

        var result = (await ClipRunner.RunAsync(host.Services, [(clipId, input)], cancellationToken))[0];
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"clipgen clip: {clipId} failed: {result.FailureText}");
            if (arguments.Json && result.Record is not null)
            {
                await context.Output.WriteLineAsync(ClipRecordJson.Serialize(result.Record));
            }

            return ExitCodes.Failed;
        }

        var location = MediaLocation.Parse(result.Record!.Output!.Uri);
        await host.Services.GetRequiredService<IMediaStore>().DownloadAsync(location, range: null, outputPath, cancellationToken);
        if (arguments.Json)
        {
            await context.Output.WriteLineAsync(ClipRecordJson.Serialize(result.Record));
        }
        else
        {
            var output = result.Record.Output;
            await context.Output.WriteLineAsync($"{clipId}: processed, {output.DurationSeconds:0.00} s, {output.Width}x{output.Height}, {output.SizeBytes} bytes -> {outputPath}");
        }

        return ExitCodes.Success;
    }

    private static string ArgumentFor(string field, ClipArguments arguments) => field switch
    {
        "manifest" => $"--manifest '{arguments.Manifest}'",
        "clipId" => $"--id '{arguments.Id}'",
        "mode" => $"--mode '{arguments.Mode}'",
        _ when field.StartsWith("segments[", StringComparison.Ordinal) && int.TryParse(field[9..field.IndexOf(']', StringComparison.Ordinal)], out var index) && index < arguments.Ranges.Count
            => $"--range '{arguments.Ranges[index]}'",
        "segments" => "--range",
        _ => field,
    };

    private sealed record ClipArguments(string Manifest, IReadOnlyList<string> Ranges, string Mode, string Output, string? Id, bool Json);
}
