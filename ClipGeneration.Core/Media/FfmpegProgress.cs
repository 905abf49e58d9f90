namespace ClipGeneration.Core.Media;

/// <summary>One progress report of a running ffmpeg (a block of <c>-progress pipe:1</c> output).</summary>
/// <param name="OutTime">Media time written so far.</param>
/// <param name="Total">Media time the run will write, when the caller knows it.</param>
/// <param name="Frame">Video frames written so far, when ffmpeg reports them.</param>
/// <param name="Speed">Speed relative to real time (2.0 = twice real time), when reported.</param>
/// <param name="IsEnd">True on the last report (<c>progress=end</c>).</param>
public sealed record FfmpegProgress(TimeSpan OutTime, TimeSpan? Total, long? Frame, double? Speed, bool IsEnd)
{
    /// <summary>Gets the fraction done (0-1) when <see cref="Total"/> is known and positive.</summary>
    public double? Fraction => Total is { } total && total > TimeSpan.Zero
        ? Math.Clamp(OutTime / total, 0, 1)
        : null;
}
