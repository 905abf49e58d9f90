using System.Diagnostics;
using System.Globalization;
using ClipGeneration.Core.Media;

namespace ClipGeneration.Benchmarks;

/// <summary>The timings of one side of the media benchmark: wall times of its runs, processes per run, the clip it made.</summary>
internal sealed class BenchmarkSide(string name)
{
    private readonly List<double> _seconds = [];
    private int _processes;
    private double _clipSeconds;

    public double Median
    {
        get
        {
            var sorted = _seconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>Times a stitch that follows an extraction already timed (its seconds and processes are added).</summary>
    public async Task TimeAsync(bool timed, ProcessCounter counter, Func<Task<StitchedClip>> stitch, double extractSeconds, int extractProcesses)
    {
        var before = counter.Count;
        var stopwatch = Stopwatch.StartNew();
        var clip = await stitch();
        Record(timed, extractSeconds + stopwatch.Elapsed.TotalSeconds, extractProcesses + counter.Count - before, clip.Metadata.DurationSeconds);
    }

    /// <summary>Times <paramref name="make"/>, then probes the clip it wrote at <paramref name="clipPath"/> (untimed, uncounted).</summary>
    public async Task TimeAsync(bool timed, ProcessCounter counter, Func<Task> make, string clipPath, FfmpegProcessRunner runner)
    {
        var before = counter.Count;
        var stopwatch = Stopwatch.StartNew();
        await make();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var processes = counter.Count - before;
        var info = await new MediaProber(runner).ProbeAsync(clipPath, CancellationToken.None);
        Record(timed, seconds, processes, info.Duration ?? 0);
    }

    public string Format(string mode, int runs) =>
        string.Create(CultureInfo.InvariantCulture, $"{mode,-9} {name,-14} {runs,4}  {_processes,5}  {Median,10:0.000}  {_clipSeconds,8:0.00}");

    private void Record(bool timed, double seconds, int processes, double clipSeconds)
    {
        if (timed)
        {
            _seconds.Add(seconds);
        }

        _processes = processes;
        _clipSeconds = clipSeconds;
    }
}
