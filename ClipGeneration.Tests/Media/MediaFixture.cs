using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

/// <summary>
/// Generates the small test recordings once for every media test (320x180, 25 fps, 2 s GOP, 2 s chunks, 12 s):
/// MPEG-TS with audio, video only, audio only, fMP4, AES-128 encrypted MPEG-TS, and a single-file byte-range
/// playlist.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    public const double RecordingSeconds = 12;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "clipgen-media-tests-" + Guid.NewGuid().ToString("N"));

    public FfmpegProcessRunner Runner { get; } = new(new FfmpegOptions { Preset = "ultrafast", Threads = 2 });

    public string TsAv => Path.Combine(Root, "ts-av", "index.m3u8");

    public string TsVideo => Path.Combine(Root, "ts-video", "index.m3u8");

    public string TsAudio => Path.Combine(Root, "ts-audio", "index.m3u8");

    public string Fmp4Av => Path.Combine(Root, "fmp4-av", "index.m3u8");

    public string TsEncrypted => Path.Combine(Root, "ts-aes", "index.m3u8");

    public string TsSingleFile => Path.Combine(Root, "ts-single", "index.m3u8");

    /// <summary>The same content at a different size (for the re-encoding stitch).</summary>
    public string TsLarger => Path.Combine(Root, "ts-larger", "index.m3u8");

    public MediaProber Prober => new(Runner);

    public ClipStitcher Stitcher => new(Runner, Prober);

    public SegmentExtractor Extractor(FolderMediaStore store) => new(store, Runner, Prober, Stitcher);

    public SegmentExtractor Extractor(FolderMediaStore store, FfmpegProcessRunner runner) =>
        new(store, runner, new MediaProber(runner), new ClipStitcher(runner, new MediaProber(runner)));

    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, "out", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        string[] video = ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=25"];
        string[] audio = ["-f", "lavfi", "-i", "sine=f=440:sample_rate=48000"];
        string[] videoCodec = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0"];
        string[] audioCodec = ["-c:a", "aac", "-b:a", "64k"];
        string[] length = ["-t", "12"];

        await HlsAsync(TsAv, [.. video, .. audio, .. length, .. videoCodec, .. audioCodec], []);
        await HlsAsync(TsVideo, [.. video, .. length, .. videoCodec], []);
        await HlsAsync(TsAudio, [.. audio, .. length, .. audioCodec], []);
        await HlsAsync(Fmp4Av, [.. video, .. audio, .. length, .. videoCodec, .. audioCodec], ["-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4"], ".m4s");
        await HlsAsync(TsSingleFile, [.. video, .. audio, .. length, .. videoCodec, .. audioCodec], ["-hls_flags", "single_file"], segmentPattern: null);
        await HlsAsync(TsLarger, ["-f", "lavfi", "-i", "testsrc2=s=480x270:r=30", .. audio, .. length, .. videoCodec, .. audioCodec], []);

        var encrypted = Path.GetDirectoryName(TsEncrypted)!;
        Directory.CreateDirectory(encrypted);
        var keyPath = Path.Combine(encrypted, "key.bin");
        await File.WriteAllBytesAsync(keyPath, Enumerable.Range(1, 16).Select(i => (byte)(i * 7)).ToArray());
        var keyInfo = Path.Combine(Root, "keyinfo.txt");
        await File.WriteAllTextAsync(keyInfo, $"key.bin\n{keyPath}\n");
        await HlsAsync(TsEncrypted, [.. video, .. audio, .. length, .. videoCodec, .. audioCodec], ["-hls_key_info_file", keyInfo]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task HlsAsync(string playlist, string[] inputAndCodecs, string[] extra, string? extension = ".ts", string? segmentPattern = "seg%03d")
    {
        var folder = Path.GetDirectoryName(playlist)!;
        Directory.CreateDirectory(folder);
        List<string> arguments = [.. inputAndCodecs, "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", .. extra];
        if (segmentPattern is not null)
        {
            arguments.AddRange(["-hls_segment_filename", Path.Combine(folder, segmentPattern + extension)]);
        }

        arguments.Add(playlist);
        await Runner.RunFfmpegAsync(arguments, playlist, null, null, CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "Media";
}
