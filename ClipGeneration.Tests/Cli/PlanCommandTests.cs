using System.Text.Json;
using ClipGeneration.Host.Cli;

namespace ClipGeneration.Tests.Cli;

/// <summary>The plan verb in-process (ClipgenCli with captured output) on hand-written playlists.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clipgen-plan-").FullName;

    public PlanCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "index.m3u8"), """
            #EXTM3U
            #EXT-X-TARGETDURATION:6
            #EXT-X-PROGRAM-DATE-TIME:2026-11-20T10:00:00Z
            #EXTINF:6,
            a.ts
            #EXTINF:6,
            b.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:6,
            c.ts
            #EXT-X-ENDLIST
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ClipgenCli.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string Manifest => Path.Combine(_folder, "index.m3u8");

    [Fact]
    public async Task Plan_Json_PrintsContractShapeWithContractFieldsFirst()
    {
        var (code, output, error) = await Run("plan", "--manifest", Manifest, "--range", "3/9", "--range", "2026-11-20T10:00:05Z/2026-11-20T10:00:15Z", "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var ranges = json.RootElement.GetProperty("ranges");
        Assert.Equal(2, ranges.GetArrayLength());
        var first = ranges[0];
        Assert.Equal(["chunks", "startOffset", "duration"], first.EnumerateObject().Take(3).Select(p => p.Name));
        Assert.Equal([$"{_folder}/a.ts", $"{_folder}/b.ts"], first.GetProperty("chunks").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, first.GetProperty("startOffset").GetDouble());
        Assert.Equal(6, first.GetProperty("duration").GetDouble());
        var second = ranges[1];
        Assert.Equal(3, second.GetProperty("chunks").GetArrayLength());
        Assert.Equal(2, second.GetProperty("pieces").GetArrayLength());
        Assert.Equal(10, second.GetProperty("duration").GetDouble(), 6);
    }

    [Fact]
    public async Task Plan_WithoutJson_PrintsTable()
    {
        var (code, output, _) = await Run("plan", "--manifest", Manifest, "--range", "00:00:07/00:00:08");

        Assert.Equal(0, code);
        Assert.Contains("range 0: 7.000-8.000 s", output, StringComparison.Ordinal);
        Assert.Contains($"{_folder}/b.ts", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{_folder}/a.ts", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("95/65", "--range '95/65': end (65.000 s) must be after start (95.000 s)")]
    [InlineData("65", "--range '65': '65' is not START/END")]
    [InlineData("abc/5", "--range 'abc/5': start:")]
    [InlineData("5/30", "--range '5/30': 5.000-30.000 s lies outside the recording (0-18.000 s)")]
    public async Task Plan_BadRange_ExitsTwoNamingTheRange(string range, string expected)
    {
        var (code, output, error) = await Run("plan", "--manifest", Manifest, "--range", range);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingManifestFile_ExitsTwoNamingManifest()
    {
        var (code, _, error) = await Run("plan", "--manifest", Path.Combine(_folder, "none.m3u8"), "--range", "1/2");

        Assert.Equal(2, code);
        Assert.Contains("--manifest", error, StringComparison.Ordinal);
        Assert.Contains("none.m3u8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NotAPlaylist_ExitsTwoSayingWhy()
    {
        var path = Path.Combine(_folder, "page.m3u8");
        await File.WriteAllTextAsync(path, "<html></html>");

        var (code, _, error) = await Run("plan", "--manifest", path, "--range", "1/2");

        Assert.Equal(2, code);
        Assert.Contains("#EXTM3U", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ChunkEscapingRecordingFolder_ExitsTwo()
    {
        var path = Path.Combine(_folder, "escape.m3u8");
        await File.WriteAllTextAsync(path, "#EXTM3U\n#EXTINF:2,\n../../etc/passwd\n");

        var (code, _, error) = await Run("plan", "--manifest", path, "--range", "0/1");

        Assert.Equal(2, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ManifestIsAFolder_ExitsTwoNamingManifest()
    {
        var (code, _, error) = await Run("plan", "--manifest", _folder, "--range", "1/2");

        Assert.Equal(2, code);
        Assert.StartsWith($"clipgen plan: --manifest '{_folder}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_S3Manifest_ExitsTwoExplainingS3IsNotConfigured()
    {
        var (code, _, error) = await Run("plan", "--manifest", "s3://recordings/stream42/index.m3u8", "--range", "1/2");

        Assert.Equal(2, code);
        Assert.Contains("S3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan", "--range", "1/2")]
    [InlineData("plan", "--manifest", "x.m3u8")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Run_MalformedCommandLine_ExitsTwo(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith("clipgen: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_DataOption_IsAccepted()
    {
        var (code, _, _) = await Run("plan", "--manifest", Manifest, "--range", "1/2", "--data", _folder);

        Assert.Equal(0, code);
    }
}
