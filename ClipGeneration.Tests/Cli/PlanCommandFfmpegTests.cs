using System.Text.Json;

namespace ClipGeneration.Tests.Cli;

/// <summary>Recordings that ffmpeg's HLS muxer wrote (MPEG-TS, fMP4, single-file byte ranges), made once per test class.</summary>
public sealed class FfmpegRecordings : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("clipgen-hls-").FullName;

    public string TsPlaylist => Path.Combine(Folder, "ts", "index.m3u8");

    public string Fmp4Playlist => Path.Combine(Folder, "fmp4", "index.m3u8");

    public string ByteRangePlaylist => Path.Combine(Folder, "single", "index.m3u8");

    public async Task InitializeAsync()
    {
        await Generate("ts");
        await Generate("fmp4", "-hls_segment_type", "fmp4");
        await Generate("single", "-hls_flags", "single_file");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task Generate(string name, params string[] extra)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, name)).FullName;
        string[] args =
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-c:a", "aac",
            "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", .. extra,
            Path.Combine(folder, "index.m3u8"),
        ];
        var (code, _, stderr) = await TestProcess.RunAsync("/usr/bin/ffmpeg", args, folder);
        if (code != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({code}): {stderr}");
        }
    }
}

/// <summary>./clipgen plan as a real process (the built Host) on recordings ffmpeg wrote.</summary>
public sealed class PlanCommandFfmpegTests(FfmpegRecordings recordings) : IClassFixture<FfmpegRecordings>
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "ClipGeneration.Host.dll");

    private static Task<(int ExitCode, string Stdout, string Stderr)> Clipgen(string? workingDirectory, params string[] args)
        => TestProcess.RunAsync("dotnet", [HostDll, .. args], workingDirectory);

    [Fact]
    public async Task Plan_MpegTsRecording_ListsCoveringChunks()
    {
        var (code, stdout, stderr) = await Clipgen(null, "plan", "--manifest", recordings.TsPlaylist, "--range", "3/5.5", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var range = json.RootElement.GetProperty("ranges")[0];
        var folder = Path.GetDirectoryName(recordings.TsPlaylist)!;
        Assert.Equal([$"{folder}/index1.ts", $"{folder}/index2.ts"], range.GetProperty("chunks").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, range.GetProperty("startOffset").GetDouble(), 3);
        Assert.Equal(2.5, range.GetProperty("duration").GetDouble(), 3);
        Assert.All(range.GetProperty("chunks").EnumerateArray(), c => Assert.True(File.Exists(c.GetString())));
    }

    [Fact]
    public async Task Plan_Fmp4Recording_CarriesInitSection()
    {
        var (code, stdout, stderr) = await Clipgen(null, "plan", "--manifest", recordings.Fmp4Playlist, "--range", "00:00:00.5/00:00:09.5", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var range = json.RootElement.GetProperty("ranges")[0];
        Assert.Equal(5, range.GetProperty("chunks").GetArrayLength());
        Assert.All(range.GetProperty("chunks").EnumerateArray(), c => Assert.EndsWith(".m4s", c.GetString(), StringComparison.Ordinal));
        var init = range.GetProperty("pieces")[0].GetProperty("chunks")[0].GetProperty("initSection").GetString();
        Assert.True(File.Exists(init), init);
    }

    [Fact]
    public async Task Plan_ByteRangeRecording_GivesContiguousRangesOfOneFile()
    {
        // A relative --manifest resolves against the working directory.
        var folder = Path.GetDirectoryName(recordings.ByteRangePlaylist)!;
        var (code, stdout, stderr) = await Clipgen(folder, "plan", "--manifest", "index.m3u8", "--range", "1/7", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var range = json.RootElement.GetProperty("ranges")[0];
        Assert.Equal(4, range.GetProperty("chunks").GetArrayLength());
        Assert.All(range.GetProperty("chunks").EnumerateArray(), c => Assert.Equal($"{folder}/index.ts", c.GetString()));
        var byteRanges = range.GetProperty("pieces")[0].GetProperty("chunks").EnumerateArray()
            .Select(c => c.GetProperty("byteRange").GetString()!.Split('@').Select(long.Parse).ToArray()).ToList();
        for (var i = 1; i < byteRanges.Count; i++)
        {
            Assert.Equal(byteRanges[i - 1][0] + byteRanges[i - 1][1], byteRanges[i][1]);
        }

        Assert.True(byteRanges[^1][0] + byteRanges[^1][1] <= new FileInfo($"{folder}/index.ts").Length);
    }

    [Theory]
    [InlineData("95/65", "end (65.000 s) must be after start (95.000 s)")]
    [InlineData("8/12", "outside the recording (0-10.000 s)")]
    [InlineData("2026-11-20T10:00:00Z/2026-11-20T10:00:05Z", "no EXT-X-PROGRAM-DATE-TIME")]
    public async Task Plan_BadRangeOnRealRecording_ExitsTwoWithOneLine(string range, string expected)
    {
        var (code, stdout, stderr) = await Clipgen(null, "plan", "--manifest", recordings.TsPlaylist, "--range", range, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"clipgen plan: --range '{range}': ", stderr[..$"clipgen plan: --range '{range}': ".Length]);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
