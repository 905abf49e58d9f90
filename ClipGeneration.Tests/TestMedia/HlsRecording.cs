using ClipGeneration.Host.Demo;

namespace ClipGeneration.Tests.TestMedia;

/// <summary>
/// Small HLS recordings for integration tests, made by the same generator as <c>./clipgen demo</c>
/// (<see cref="SampleRecording"/>): testsrc2 + sine, 320x180 at 25 fps, a keyframe every 2 s, 2 s MPEG-TS chunks,
/// PROGRAM-DATE-TIME.
/// </summary>
internal static class HlsRecording
{
    /// <summary>Writes <c>index.m3u8</c> and its chunks into <paramref name="folder"/>; returns the playlist path.</summary>
    public static Task<string> GenerateAsync(string folder, int seconds = 12)
        => SampleRecording.EnsureAsync(
            folder,
            new SampleRecordingSpec { DurationSeconds = seconds, Width = 320, Height = 180, GopSeconds = 2, ChunkSeconds = 2 },
            CancellationToken.None);

    /// <summary>The file name of the chunk at <paramref name="index"/> (from 0) in a generated recording.</summary>
    public static string ChunkName(int index) => $"chunk-{index:00000}.ts";

    /// <summary>Copies a recording folder, so a test can damage its copy.</summary>
    public static string CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        return Path.Combine(destination, SampleRecording.PlaylistName);
    }
}
