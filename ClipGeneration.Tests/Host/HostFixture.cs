using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClipGeneration.Durable.Client;
using ClipGeneration.Host.Composition;
using ClipGeneration.Host.Configuration;
using ClipGeneration.Host.Demo;
using ClipGeneration.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClipGeneration.Tests.Host;

/// <summary>
/// The local host started on 127.0.0.1 with a free port, on a fresh data directory holding a tiny generated HLS
/// recording (320x180, 12 s, 2 s chunks) under its media root; a real <see cref="HttpClient"/> talks to it.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "clipgen-host-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseUrl { get; private set; } = null!;

    public ClipHostSettings Settings { get; private set; } = null!;

    /// <summary>Gets the recording's playlist: a local path under the media root.</summary>
    public string Manifest { get; private set; } = null!;

    public DurableClient Durable => _app!.Services.GetRequiredService<DurableClient>();

    /// <summary>Gets the workflow the host runs: the real clip workflow (ffmpeg on the tiny recording).</summary>
    public static ClipWorkflowComposition Workflow => ClipWorkflowComposition.ClipWorkflow;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        var configuration = ClipHostConfiguration.Build(_root, new Dictionary<string, string?>
        {
            ["ClipGeneration__ApiKeys"] = ApiKey + ",second-key",
            ["ClipGeneration__DataDirectory"] = data,
            ["ClipGeneration__LocalMediaRoot"] = Path.Combine(data, "media"),
            ["ClipGeneration__AllowedBuckets"] = "recordings",
            ["ClipGeneration__MaxRequestBodyBytes"] = "65536",
        });
        Settings = ClipHostSettings.Load(configuration, _root);
        Manifest = await SampleRecording.EnsureAsync(
            Path.Combine(Settings.LocalMediaRoot, "rec"),
            new SampleRecordingSpec { DurationSeconds = 12, Width = 320, Height = 180, GopSeconds = 2, ChunkSeconds = 2 },
            CancellationToken.None);
        _app = ClipHostApplication.Build(Settings, port: 0, Workflow, LogLevel.Warning);
        await _app.StartAsync();
        BaseUrl = _app.ListeningUrl();
        Client.BaseAddress = BaseUrl;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string contentType = "application/json", bool withKey = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (withKey)
        {
            request.Headers.Add("x-functions-key", ApiKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json", bool withKey = true)
    {
        using var request = Request(method, path, json, contentType, withKey);
        return await Client.SendAsync(request);
    }

    /// <summary>Polls a status URI until it answers 200 (the instance finished), with a deadline.</summary>
    public async Task<JsonObject> PollUntilDoneAsync(string statusQueryGetUri, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, statusQueryGetUri);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, $"{statusQueryGetUri} still answers 202 after the deadline");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>A clip request body for the tiny recording.</summary>
    public string ClipRequestJson(string clipId, string mode = "keyframe", string segments = """[{"startTime": 2, "endTime": 6}]""")
        => $$"""{"clipId": "{{clipId}}", "manifest": {{System.Text.Json.JsonSerializer.Serialize(Manifest)}}, "segments": {{segments}}, "mode": "{{mode}}"}""";
}
