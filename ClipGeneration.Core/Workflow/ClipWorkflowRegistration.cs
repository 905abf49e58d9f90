using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Workflow.Activities;
using ClipGeneration.Core.Workflow.Orchestrators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Core.Workflow;

/// <summary>
/// The clip workflow's registration list: the orchestrator and every activity by name, and the services they
/// need. The embedded host and the Azure Functions app both use <see cref="ClipWorkflowNames"/>, so the names
/// an orchestration is started and replayed with are the same everywhere.
/// </summary>
public static class ClipWorkflowRegistration
{
    /// <summary>Registers the orchestrator and the activities into an engine registry.</summary>
    public static OrchestrationRegistry AddClipWorkflow(this OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator(ClipWorkflowNames.Orchestrator, sp => new ClipGenerationOrchestrator(sp.GetRequiredService<ClipWorkflowOptions>()))
            .AddActivity(ClipWorkflowNames.CreateClipRecord, sp => ActivatorUtilities.CreateInstance<CreateClipRecordActivity>(sp))
            .AddActivity(ClipWorkflowNames.PlanClip, sp => ActivatorUtilities.CreateInstance<PlanClipActivity>(sp))
            .AddActivity(ClipWorkflowNames.ExtractSegment, sp => ActivatorUtilities.CreateInstance<ExtractSegmentActivity>(sp))
            .AddActivity(ClipWorkflowNames.StitchClip, sp => ActivatorUtilities.CreateInstance<StitchClipActivity>(sp))
            .AddActivity(ClipWorkflowNames.CompleteClipRecord, sp => ActivatorUtilities.CreateInstance<CompleteClipRecordActivity>(sp))
            .AddActivity(ClipWorkflowNames.FailClipRecord, sp => ActivatorUtilities.CreateInstance<FailClipRecordActivity>(sp))
            .AddActivity(ClipWorkflowNames.CleanupClipMedia, sp => ActivatorUtilities.CreateInstance<CleanupClipMediaActivity>(sp));
    }

    /// <summary>
    /// Registers the services the activities use, read from configuration: <c>clipGeneration</c> (host.json: segment
    /// concurrency and retries), <c>ClipGeneration:Ffmpeg</c>, and <c>ClipGeneration:WorkDirectory</c> (scratch folder;
    /// default: the system temp folder).
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public static IServiceCollection AddClipWorkflowServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var workflow = configuration.GetSection(ClipWorkflowOptions.SectionName).Get<ClipWorkflowOptions>() ?? new ClipWorkflowOptions();
        workflow.Validate();
        var ffmpeg = configuration.GetSection(FfmpegOptions.SectionName).Get<FfmpegOptions>() ?? new FfmpegOptions();
        ffmpeg.Validate();
        var workDirectory = configuration["ClipGeneration:WorkDirectory"] is { Length: > 0 } configured ? configured : Path.GetTempPath();
        return services.AddClipWorkflowServices(workflow, ffmpeg, new HlsParserOptions(), workDirectory);
    }

    /// <summary>
    /// Registers the services the activities use (ffmpeg runner, prober, extractor, stitcher, planner, workspace).
    /// Storage (<see cref="IMediaStore"/>, the record store) is registered separately by <c>AddClipStorage</c>.
    /// </summary>
    public static IServiceCollection AddClipWorkflowServices(
        this IServiceCollection services,
        ClipWorkflowOptions workflow,
        FfmpegOptions ffmpeg,
        HlsParserOptions playlists,
        string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(workflow);
        services.AddSingleton(ffmpeg);
        services.AddSingleton(playlists);
        services.AddSingleton(new ClipWorkspace(workDirectory));
        services.AddSingleton<FfmpegProcessRunner>();
        services.AddSingleton<MediaProber>();
        services.AddSingleton<ClipStitcher>();
        services.AddSingleton<SegmentExtractor>();
        services.AddSingleton(sp => new ClipPlanner(sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<HlsParserOptions>()));
        return services;
    }
}
