using System.CommandLine;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Core.Storage.Local;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Host.Cli;

/// <summary>
/// <c>./clipgen plan --manifest M --range START/END [--range ...] [--bandwidth BPS] [--json]</c>: the chunk plan for
/// the ranges, without any media work.
/// </summary>
/// <remarks>
/// <c>--manifest</c> is a local path (relative to the working directory) or an <c>s3://</c> URI; the one who runs the
/// command owns the machine, so any local path is allowed, but URIs inside the playlist stay within its folder.
/// Bad input (a malformed range, a playlist that does not parse, a range outside the recording, a missing file)
/// prints one line naming the argument and exits with <see cref="ExitCodes.BadInput"/>.
/// </remarks>
public sealed class PlanCommand : ICliVerb
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = new Option<string>("--manifest")
        {
            Description = "The recording's playlist (.m3u8): a local path or s3://bucket/key",
            Required = true,
        };
        var ranges = new Option<string[]>("--range")
        {
            Description = "START/END: seconds (65.5/95), hh:mm:ss (00:01:05.5/00:01:35) or ISO-8601 instants; repeat for more ranges",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var bandwidth = new Option<long?>("--bandwidth")
        {
            Description = "For master playlists: the variant's BANDWIDTH (default: the highest)",
        };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON" };

        var command = new Command("plan", "Print the chunks each range needs (no media work).");
        command.Options.Add(manifest);
        command.Options.Add(ranges);
        command.Options.Add(bandwidth);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(manifest)!,
            parseResult.GetValue(ranges) ?? [],
            parseResult.GetValue(bandwidth),
            parseResult.GetValue(json),
            parseResult.GetValue(context.DataOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string manifestText, string[] rangeTexts, long? bandwidth, bool json, string? data, CancellationToken cancellationToken)
    {
        var error = context.Error;
        if (!TryParseManifest(manifestText, out var manifest, out var manifestProblem))
        {
            await error.WriteLineAsync($"clipgen plan: --manifest '{manifestText}': {manifestProblem}");
            return ExitCodes.BadInput;
        }

        var ranges = new List<TimeRange>(rangeTexts.Length);
        foreach (var text in rangeTexts)
        {
            if (!TimeRange.TryParse(text, out var range, out var rangeProblem))
            {
                await error.WriteLineAsync($"clipgen plan: --range '{text}': {rangeProblem}");
                return ExitCodes.BadInput;
            }

            ranges.Add(range);
        }

        // Local playlists need no configuration; s3:// ones are read through the configured S3 store.
        IMediaStore store = new LocalFolderMediaStore();
        if (manifest.Scheme == MediaScheme.S3)
        {
            var settings = await CliSettings.LoadAsync(context, "plan", data);
            if (settings is null)
            {
                return ExitCodes.BadInput;
            }

            if (settings.Storage.MediaStore != MediaStoreKind.S3)
            {
                await error.WriteLineAsync($"clipgen plan: --manifest '{manifestText}': S3 is not configured; set ClipGeneration__MediaStore=S3 (and the ClipGeneration__S3__* keys) in local.settings.json or the environment");
                return ExitCodes.BadInput;
            }

            store = ClipStorageFactory.CreateMediaStore(settings.Storage);
        }

        ClipPlan plan;
        try
        {
            plan = await new ClipPlanner(store).PlanAsync(manifest, ranges, bandwidth, cancellationToken);
        }
        catch (RangeMappingException ex) when (ex.RangeIndex is { } index)
        {
            await error.WriteLineAsync($"clipgen plan: --range '{rangeTexts[index]}': {ex.Reason}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is RangeMappingException or HlsParseException or MediaNotFoundException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"clipgen plan: --manifest '{manifestText}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            await context.Output.WriteLineAsync(PlanJson.Write(plan));
        }
        else
        {
            await context.Output.WriteAsync(PlanTable.Write(plan));
        }

        return ExitCodes.Success;
    }

    private static bool TryParseManifest(string text, out MediaLocation location, out string problem)
    {
        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || text.Contains("://", StringComparison.Ordinal))
        {
            return MediaLocation.TryParse(text, out location, out problem);
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(text);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            location = null!;
            problem = $"not a valid path ({ex.Message})";
            return false;
        }

        return MediaLocation.TryParse(fullPath, out location, out problem);
    }
}
