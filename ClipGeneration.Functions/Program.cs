using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Requests.Events;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;
using ClipGeneration.Core.Workflow;
using ClipGeneration.Functions.Triggers;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The same configuration keys as ClipGeneration.Host: local.settings.json's Values arrive as environment
// variables (ClipGeneration__AllowedBuckets -> ClipGeneration:AllowedBuckets); host.json's clipGeneration
// section (segment concurrency) is read from the deployed host.json, as the Host reads it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.AddJsonFile("host.json", optional: true, reloadOnChange: false);

builder.Services.Configure<ClipRequestOptions>(builder.Configuration.GetSection(ClipRequestOptions.SectionName));
builder.Services.AddSingleton(services => new ClipRequestValidator(services.GetRequiredService<IOptions<ClipRequestOptions>>().Value));
builder.Services.AddSingleton<EventEnvelopeReader>();
builder.Services.AddClipStorage(builder.Configuration);
builder.Services.AddClipWorkflowServices(builder.Configuration);

// Where finished clips go: ClipGeneration:OutputLocation (s3://bucket/prefix in Azure; a folder under func start).
var output = builder.Configuration["ClipGeneration:OutputLocation"] is { Length: > 0 } configured ? configured : Path.GetFullPath(".clipgen/output/");
builder.Services.AddSingleton(services => new ClipStartSettings(
    MediaLocation.Parse(output),
    services.GetRequiredService<ClipWorkflowOptions>().SegmentConcurrency));

await builder.Build().RunAsync();
