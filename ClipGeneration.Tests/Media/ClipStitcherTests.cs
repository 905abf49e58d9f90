using ClipGeneration.Core.Media;
using Xunit.Abstractions;

namespace ClipGeneration.Tests.Media;

[Collection(MediaCollection.Name)]
public sealed class ClipStitcherTests(MediaFixture media, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ClipMode.Keyframe)]
    [InlineData(ClipMode.Accurate)]
    public async Task StitchAsync_ThreeRanges_HasTotalDurationAndPlaysThrough(ClipMode mode)
    {
        var folder = media.NewFolder("stitch-" + mode);
        (double Start, double End)[] ranges = mode == ClipMode.Keyframe ? [(0, 2.5), (4, 6), (8, 11)] : [(0.52, 2.2), (4.6, 6.04), (8.12, 11)];
        var segments = await ExtractAllAsync(media.TsAv, ranges, mode, folder);
        var clipPath = Path.Combine(folder, "clip.mp4");

        var clip = await media.Stitcher.StitchAsync(segments.Select(s => s.Path).ToArray(), clipPath, null, CancellationToken.None);

        var expected = segments.Sum(s => s.Duration);
        Assert.False(clip.ReEncoded, string.Join("; ", clip.Differences));
        Assert.Equal(expected, clip.Metadata.DurationSeconds, 0.1);
        if (mode == ClipMode.Accurate)
        {
            Assert.Equal(ranges.Sum(r => r.End - r.Start), clip.Metadata.DurationSeconds, 3 * 0.04);
        }

        Assert.Equal(320, clip.Metadata.Width);
        Assert.Equal(180, clip.Metadata.Height);
        Assert.Equal("h264", clip.Metadata.VideoCodec);
        Assert.Equal("aac", clip.Metadata.AudioCodec);
        Assert.Equal(25, clip.Metadata.FrameRate);
        Assert.Equal(new FileInfo(clipPath).Length, clip.Metadata.SizeBytes);
        Assert.Equal(string.Empty, await MediaTools.DecodeErrorsAsync(clipPath));

        var video = await MediaTools.PacketsAsync(clipPath, "v");
        Assert.All(video.Zip(video.Skip(1)), pair => Assert.True(pair.Second.Pts > pair.First.Pts));
        var audio = await MediaTools.PacketsAsync(clipPath, "a");
        var gaps = audio.Zip(audio.Skip(1)).Select(p => p.Second.Pts - (p.First.Pts + p.First.Duration)).ToList();
        var worstGap = gaps.Max();
        var videoGap = video.Zip(video.Skip(1)).Max(p => p.Second.Pts - (p.First.Pts + p.First.Duration));
        output.WriteLine(
            $"{mode}: clip {clip.Metadata.DurationSeconds:0.000} s, sum of segments {expected:0.000} s, largest audio gap at a seam {worstGap * 1000:0.0} ms, " +
            $"largest audio overlap {gaps.Min() * -1000:0.0} ms, largest video gap {videoGap * 1000:0.0} ms, audio {audio[^1].Pts + audio[^1].Duration:0.000} s, video {video[^1].Pts + video[^1].Duration:0.000} s");
        Assert.True(worstGap < 0.1, $"audio gap {worstGap:0.000} s");
        Assert.Contains("moov", await FirstTopLevelBoxesAsync(clipPath), StringComparer.Ordinal);
    }

    [Fact]
    public async Task StitchAsync_DifferentResolutions_ReEncodesToTheFirst()
    {
        var folder = media.NewFolder("stitch-mixed");
        var small = await ExtractAllAsync(media.TsAv, [(1, 2)], ClipMode.Keyframe, folder, "a");
        var large = await ExtractAllAsync(media.TsLarger, [(1, 2)], ClipMode.Keyframe, folder, "b");
        var videoOnly = await ExtractAllAsync(media.TsVideo, [(1, 2)], ClipMode.Keyframe, folder, "c");
        var clipPath = Path.Combine(folder, "clip.mp4");

        var clip = await media.Stitcher.StitchAsync([small[0].Path, large[0].Path, videoOnly[0].Path], clipPath, null, CancellationToken.None);

        Assert.True(clip.ReEncoded);
        Assert.Contains(clip.Differences, d => d.Contains("width", StringComparison.Ordinal));
        Assert.Equal(320, clip.Metadata.Width);
        Assert.Equal(180, clip.Metadata.Height);
        Assert.Equal(25, clip.Metadata.FrameRate);
        Assert.Equal("aac", clip.Metadata.AudioCodec);
        Assert.Equal(small[0].Duration + large[0].Duration + videoOnly[0].Duration, clip.Metadata.DurationSeconds, 0.15);
        Assert.Equal(string.Empty, await MediaTools.DecodeErrorsAsync(clipPath));
    }

    [Fact]
    public async Task StitchAsync_OutputExists_ReplacedAtomicallyAndNoTemporaryFileLeft()
    {
        var folder = media.NewFolder("stitch-replace");
        var segments = await ExtractAllAsync(media.TsAv, [(0, 2)], ClipMode.Keyframe, folder);
        var clipPath = Path.Combine(folder, "clip.mp4");
        await File.WriteAllTextAsync(clipPath, "an older clip");
        var before = Directory.GetFiles(folder).Select(Path.GetFileName).ToHashSet();

        var clip = await media.Stitcher.StitchAsync([segments[0].Path], clipPath, null, CancellationToken.None);

        Assert.Equal(2.0, clip.Metadata.DurationSeconds, 0.05);
        Assert.Equal(before, Directory.GetFiles(folder).Select(Path.GetFileName).ToHashSet());

        // A failing stitch leaves the existing file as it was.
        var corrupt = Path.Combine(folder, "corrupt.mp4");
        await File.WriteAllBytesAsync(corrupt, new byte[5000]);
        var good = await File.ReadAllBytesAsync(clipPath);
        await Assert.ThrowsAsync<FfmpegInvalidInputException>(() => media.Stitcher.StitchAsync([segments[0].Path, corrupt], clipPath, null, CancellationToken.None));
        Assert.Equal(good, await File.ReadAllBytesAsync(clipPath));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StitchAsync_ExtractedSegments_ReusesTheirProbesAndMakesTheSameClip()
    {
        var folder = media.NewFolder("stitch-known");
        var segments = await ExtractAllAsync(media.TsAv, [(0.5, 2.5), (4.2, 6), (8, 10.5)], ClipMode.Keyframe, folder);
        Assert.All(segments, s => Assert.Equal(s.Duration, s.Info?.Duration));
        var processes = 0;
        var runner = new FfmpegProcessRunner(new FfmpegOptions { Preset = "ultrafast", Threads = 2 }) { ProcessStarted = _ => Interlocked.Increment(ref processes) };
        var stitcher = new ClipStitcher(runner, new MediaProber(runner));

        var known = await stitcher.StitchExtractedAsync(segments, Path.Combine(folder, "known.mp4"), null, CancellationToken.None);
        var knownProcesses = Interlocked.Exchange(ref processes, 0);
        var probed = await stitcher.StitchAsync(segments.Select(s => s.Path).ToArray(), Path.Combine(folder, "probed.mp4"), null, CancellationToken.None);

        // The concat and the probe of the clip only; the path overload also probes the three segments.
        Assert.Equal(2, knownProcesses);
        Assert.Equal(5, processes);
        Assert.False(known.ReEncoded, string.Join("; ", known.Differences));
        Assert.Equal(probed.Metadata, known.Metadata);
        Assert.Equal(await File.ReadAllBytesAsync(probed.Path), await File.ReadAllBytesAsync(known.Path));
        Assert.Equal(known.Metadata.DurationSeconds, known.Info?.Duration);
    }

    [Fact]
    public async Task StitchAsync_ExtractedSegmentFileReplaced_ProbesItAgain()
    {
        var folder = media.NewFolder("stitch-stale");
        var small = await ExtractAllAsync(media.TsAv, [(1, 2), (4, 5)], ClipMode.Keyframe, folder, "a");
        var large = await ExtractAllAsync(media.TsLarger, [(1, 2)], ClipMode.Keyframe, folder, "b");

        // The second segment's file now holds another resolution: its recorded probe no longer describes it.
        File.Copy(large[0].Path, small[1].Path, overwrite: true);
        var clip = await media.Stitcher.StitchExtractedAsync(small, Path.Combine(folder, "clip.mp4"), null, CancellationToken.None);

        Assert.True(clip.ReEncoded);
        Assert.Contains(clip.Differences, d => d.Contains("width", StringComparison.Ordinal));
        Assert.Equal(320, clip.Metadata.Width);
    }

    [Fact]
    public async Task StitchAsync_NoSegments_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => media.Stitcher.StitchAsync([], Path.Combine(media.Root, "x.mp4"), null, CancellationToken.None));
    }

    private async Task<List<ExtractedSegment>> ExtractAllAsync(string playlist, (double Start, double End)[] ranges, ClipMode mode, string folder, string prefix = "s")
    {
        var chunks = TestPlaylist.ReadChunks(playlist);
        var extractor = media.Extractor(new FolderMediaStore());
        var tasks = ranges.Select((r, i) => extractor.ExtractAsync(
            TestPlaylist.Plan(chunks, i, r.Start, r.End), mode, folder, Path.Combine(folder, $"{prefix}{i}.mp4"), null, CancellationToken.None));
        return [.. await Task.WhenAll(tasks)];
    }

    private static async Task<List<string>> FirstTopLevelBoxesAsync(string path)
    {
        // +faststart puts moov before mdat: read the first few top-level box names.
        var names = new List<string>();
        await using var stream = File.OpenRead(path);
        var header = new byte[8];
        while (names.Count < 3 && await stream.ReadAsync(header) == 8)
        {
            var size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
            var name = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            names.Add(name);
            if (name == "mdat")
            {
                break;
            }

            stream.Seek(size - 8, SeekOrigin.Current);
        }

        return names;
    }
}
