using ClipGeneration.Core.Media;

namespace ClipGeneration.Benchmarks;

/// <summary>Counts the ffmpeg/ffprobe processes a runner starts, so the benchmark can print what each side costs in processes.</summary>
internal sealed class ProcessCounter
{
    private int _count;

    public ProcessCounter(FfmpegProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        runner.ProcessStarted = _ => Interlocked.Increment(ref _count);
    }

    public int Count => Volatile.Read(ref _count);
}
