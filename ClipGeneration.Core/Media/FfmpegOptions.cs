namespace ClipGeneration.Core.Media;

/// <summary>Where ffmpeg and ffprobe are and how they encode. Bound from the <c>ClipGeneration:Ffmpeg</c> settings section.</summary>
/// <remarks>
/// Defaults: <see cref="Path"/> <c>ffmpeg</c> and <see cref="FfprobePath"/> <c>ffprobe</c> (looked up on PATH; Debian's
/// package installs them in /usr/bin), <see cref="Timeout"/> 30 minutes per process, accurate mode x264
/// <see cref="Crf"/> 20 with <see cref="Preset"/> <c>veryfast</c>, AAC at <see cref="AudioBitrate"/> <c>128k</c>,
/// <see cref="Threads"/> 0 (ffmpeg picks one per core). <see cref="Validate"/> lists every problem in one message.
/// </remarks>
public sealed record FfmpegOptions
{
    public const string SectionName = "ClipGeneration:Ffmpeg";

    /// <summary>Gets the ffmpeg executable: a bare name looked up on PATH, or a path to the binary.</summary>
    public string Path { get; init; } = "ffmpeg";

    /// <summary>Gets the ffprobe executable: a bare name looked up on PATH, or a path to the binary.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>Gets the longest one ffmpeg or ffprobe process may run before it is killed (a retryable failure).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets the x264 constant rate factor for accurate mode and for re-encoded stitches (0-51, lower is better).</summary>
    public int Crf { get; init; } = 20;

    /// <summary>Gets the x264 preset for accurate mode and for re-encoded stitches (ultrafast ... veryslow).</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>Gets the AAC bit rate used when audio is re-encoded.</summary>
    public string AudioBitrate { get; init; } = "128k";

    /// <summary>Gets the thread count passed to ffmpeg (<c>-threads</c>); 0 lets ffmpeg decide.</summary>
    public int Threads { get; init; }

    private static readonly string[] Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            problems.Add($"{SectionName}:Path is empty");
        }

        if (string.IsNullOrWhiteSpace(FfprobePath))
        {
            problems.Add($"{SectionName}:FfprobePath is empty");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:Timeout must be positive (was {Timeout})");
        }

        if (Crf is < 0 or > 51)
        {
            problems.Add($"{SectionName}:Crf must be within 0-51 (was {Crf})");
        }

        if (!Presets.Contains(Preset, StringComparer.Ordinal))
        {
            problems.Add($"{SectionName}:Preset must be one of {string.Join(", ", Presets)} (was '{Preset}')");
        }

        if (Threads < 0)
        {
            problems.Add($"{SectionName}:Threads must be 0 (automatic) or more (was {Threads})");
        }

        if (string.IsNullOrWhiteSpace(AudioBitrate))
        {
            problems.Add($"{SectionName}:AudioBitrate is empty");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ffmpeg settings: " + string.Join("; ", problems) + ".");
        }
    }
}
