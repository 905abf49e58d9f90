using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Core.Planning;

/// <summary>Loads a recording's playlist (<see cref="PlaylistLoader"/>) and maps ranges onto it (<see cref="RangeMapper"/>).</summary>
/// <remarks>Bad input surfaces as <see cref="HlsParseException"/>, <see cref="RangeMappingException"/> or <see cref="MediaNotFoundException"/>, all non-retryable.</remarks>
public sealed class ClipPlanner
{
    private readonly PlaylistLoader _loader;

    public ClipPlanner(IMediaStore store, HlsParserOptions? options = null)
    {
        _loader = new PlaylistLoader(store, options);
    }

    /// <summary>Plans <paramref name="ranges"/> on <paramref name="manifest"/>; for a master playlist, on its highest-bandwidth variant.</summary>
    public Task<ClipPlan> PlanAsync(MediaLocation manifest, IReadOnlyList<TimeRange> ranges, CancellationToken cancellationToken)
        => PlanAsync(manifest, ranges, bandwidth: null, cancellationToken);

    /// <summary>Plans <paramref name="ranges"/> on <paramref name="manifest"/>; for a master playlist, on the variant whose BANDWIDTH is <paramref name="bandwidth"/> (null: the highest).</summary>
    public async Task<ClipPlan> PlanAsync(MediaLocation manifest, IReadOnlyList<TimeRange> ranges, long? bandwidth, CancellationToken cancellationToken)
    {
        var playlist = await _loader.LoadAsync(manifest, bandwidth, cancellationToken);
        return RangeMapper.Map(playlist, ranges);
    }
}
