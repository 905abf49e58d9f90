namespace ClipGeneration.Core.Requests;

/// <summary>
/// Limits and the allow-list for clip requests that arrive over HTTP or as events. Bound from the
/// <c>ClipGeneration</c> configuration section (<c>ClipGeneration__AllowedBuckets</c> etc. in local.settings.json).
/// </summary>
/// <remarks>
/// Defaults: no allowed buckets, no local media root (so nothing is allowed until configured),
/// 20 segments, 600 s per segment, 3600 s in all.
/// </remarks>
public sealed class ClipRequestOptions
{
    public const string SectionName = "ClipGeneration";

    /// <summary>Gets or sets the buckets requests may read from, comma-separated (one configuration value, as in local.settings.json).</summary>
    public string AllowedBuckets { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the folder local manifests must lie under. A relative value is taken from the process's
    /// working directory. Empty: requests may not name local paths.
    /// </summary>
    public string LocalMediaRoot { get; set; } = string.Empty;

    public int MaxSegments { get; set; } = 20;

    public double MaxSegmentSeconds { get; set; } = 600;

    public double MaxTotalSeconds { get; set; } = 3600;

    /// <summary>Gets the bucket names of <see cref="AllowedBuckets"/>, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> AllowedBucketNames
        => AllowedBuckets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
