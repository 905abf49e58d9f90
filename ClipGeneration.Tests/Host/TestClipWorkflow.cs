using System.Diagnostics;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Host.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Tests.Host;

/// <summary>
/// A stand-in for the clip workflow that exercises the host's plumbing: under the real orchestrator name it creates
/// the record, remuxes the recording's first chunk into the final MP4 with ffmpeg, and marks the record processed.
/// </summary>
internal static class TestClipWorkflow
{
    public const string MakeClip = "TestMakeClip";

    public static ClipWorkflowComposition Composition { get; } = new(
        static (_, _) => { },
        static registry => registry
            .AddOrchestrator(ClipWorkflowNames.Orchestrator, () => new Orchestrator())
            .AddActivity(MakeClip, sp => new MakeClipActivity(sp.GetRequiredService<IClipRecordStore>())));

    private sealed class Orchestrator : Orchestrator<ClipWorkflowInput, string>
    {
        public override async Task<string> RunAsync(OrchestrationContext context, ClipWorkflowInput input)
        {
            context.SetCustomStatus(new ClipProgress(ClipWorkflowSteps.Extract, 0, input.Segments.Count));
            return await context.CallActivityAsync<string>(MakeClip, input);
        }
    }

    private sealed class MakeClipActivity(IClipRecordStore records) : Activity<ClipWorkflowInput, string>
    {
        public override async Task<string> RunAsync(Core.Orchestration.ActivityContext context, ClipWorkflowInput input)
        {
            var now = DateTimeOffset.UtcNow;
            await records.CreateAsync(
                new ClipRecord
                {
                    ClipId = input.ClipId,
                    Status = ClipStatus.Processing,
                    Manifest = input.Manifest.ToString(),
                    Segments = input.Segments,
                    Mode = input.Mode.ToString().ToLowerInvariant(),
                    Title = input.Title,
                    CreatedAt = now,
                    UpdatedAt = now,
                },
                $"{input.ClipId}:create",
                context.CancellationToken);
            var chunk = Directory.GetFiles(input.Manifest.Folder.Path, "*.ts").Order(StringComparer.Ordinal).First();
            var output = input.FinalClip.Path;
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var ffmpeg = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-y", "-i", chunk, "-c", "copy", "-f", "mp4", output })
            {
                ffmpeg.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(ffmpeg)!)
            {
                var errors = await process.StandardError.ReadToEndAsync(context.CancellationToken);
                await process.WaitForExitAsync(context.CancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"ffmpeg failed: {errors}");
                }
            }

            var output0 = new ClipOutput(input.FinalClip.ToString(), new FileInfo(output).Length, 2, 320, 180, "h264", "aac");
            await records.MarkProcessedAsync(input.ClipId, output0, 1, DateTimeOffset.UtcNow, $"{input.ClipId}:complete", context.CancellationToken);
            return "processed";
        }
    }
}
