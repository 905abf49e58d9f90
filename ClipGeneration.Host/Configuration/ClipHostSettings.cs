using System.Globalization;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Storage.Configuration;

namespace ClipGeneration.Host.Configuration;

/// <summary>The host's settings, read from the merged configuration and checked in one place.</summary>
/// <remarks>
/// Keys and defaults: <c>extensions:durableTask:hubName</c> (ClipGeneration), <c>...:maxConcurrentActivityFunctions</c> (4),
/// <c>...:maxConcurrentOrchestratorFunctions</c> (4), <c>clipGeneration:segmentConcurrency</c> (3),
/// <c>ClipGeneration:DataDirectory</c> (.clipgen), <c>ClipGeneration:LocalMediaRoot</c> (&lt;data&gt;/media),
/// <c>ClipGeneration:OutputLocation</c> (&lt;data&gt;/output, or <c>s3://bucket/prefix</c> when the media store is S3),
/// the storage keys of <see cref="ClipStorageFactory"/> (<c>MediaStore</c>, <c>RecordStore</c>, <c>S3</c>, <c>DynamoDb</c>,
/// <c>Sqlite</c>; SQLite defaults to &lt;data&gt;/clips.db), <c>ClipGeneration:ApiKeys</c> (comma-separated),
/// <c>ClipGeneration:AllowedBuckets</c>, <c>MaxSegments</c> (20), <c>MaxSegmentSeconds</c> (600), <c>MaxTotalSeconds</c> (3600),
/// <c>ClipGeneration:Logging:Json</c> (false), <c>ClipGeneration:MaxRequestBodyBytes</c> (1 MiB).
/// Relative paths are taken from the working directory. <c>--data DIR</c> replaces the data directory, and a
/// media root or output folder configured inside the old data directory moves with it (so <c>.clipgen/media</c>
/// becomes <c>DIR/media</c>). <see cref="Load"/> throws <see cref="HostConfigurationException"/> listing every problem.
/// </remarks>
public sealed record ClipHostSettings
{
    public const string DataDirectoryOverrideKey = "ClipGeneration:DataDirectoryOverride";

    public required IConfiguration Configuration { get; init; }

    public required string HubName { get; init; }

    public required int MaxConcurrentActivityFunctions { get; init; }

    public required int MaxConcurrentOrchestratorFunctions { get; init; }

    public required int SegmentConcurrency { get; init; }

    /// <summary>
    /// Gets how long a running activity's lease lasts without renewal (host.json
    /// <c>extensions.durableTask.storageProvider.workItemQueueVisibilityTimeout</c>, Durable's Azure Storage knob for the same
    /// thing); after a crash, the next process re-runs the activity once it expires. Null: the engine's default (1 minute).
    /// </summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>Gets the absolute data directory: engine history, clip records and local output live here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Gets the absolute folder local manifests in HTTP requests and events must lie under.</summary>
    public required string LocalMediaRoot { get; init; }

    /// <summary>Gets where clips are written: a local folder or an S3 prefix.</summary>
    public required MediaLocation OutputLocation { get; init; }

    /// <summary>Gets the storage adapters' validated settings (media store, record store and their sections).</summary>
    public required ClipStorageSettings Storage { get; init; }

    public MediaStoreKind MediaStore => Storage.MediaStore;

    public RecordStoreKind RecordStore => Storage.RecordStore;

    /// <summary>Gets the rules HTTP requests and events are held to: allowed buckets, the media root, the limits.</summary>
    public required ClipRequestOptions Requests { get; init; }

    public required IReadOnlyList<string> ApiKeys { get; init; }

    public required bool JsonLogs { get; init; }

    public required long MaxRequestBodyBytes { get; init; }

    public string DurableDatabasePath => Path.Combine(DataDirectory, "durable.db");

    /// <summary>Reads and checks every setting.</summary>
    /// <exception cref="HostConfigurationException">One or more settings are invalid; the message lists all of them.</exception>
    public static ClipHostSettings Load(IConfiguration configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var hubName = Text(configuration, "extensions:durableTask:hubName") ?? "ClipGeneration";
        var activities = PositiveInt(configuration, "extensions:durableTask:maxConcurrentActivityFunctions", 4, problems);
        var orchestrators = PositiveInt(configuration, "extensions:durableTask:maxConcurrentOrchestratorFunctions", 4, problems);
        var lease = Duration(configuration, "extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout", problems);
        var segments = PositiveInt(configuration, "clipGeneration:segmentConcurrency", 3, problems);
        var bodyLimit = PositiveInt(configuration, "ClipGeneration:MaxRequestBodyBytes", 1024 * 1024, problems);
        var maxSegments = PositiveInt(configuration, "ClipGeneration:MaxSegments", 20, problems);
        var maxSegmentSeconds = PositiveNumber(configuration, "ClipGeneration:MaxSegmentSeconds", 600, problems);
        var maxTotalSeconds = PositiveNumber(configuration, "ClipGeneration:MaxTotalSeconds", 3600, problems);
        var jsonLogs = Bool(configuration, "ClipGeneration:Logging:Json", false, problems);

        var configuredData = Path.GetFullPath(Text(configuration, "ClipGeneration:DataDirectory") ?? ".clipgen", workingDirectory);
        var dataOverride = Text(configuration, DataDirectoryOverrideKey);
        var data = dataOverride is null ? configuredData : Path.GetFullPath(dataOverride, workingDirectory);
        string Relocate(string? configured, string fallback)
        {
            var full = configured is null ? Path.Combine(data, fallback) : Path.GetFullPath(configured, workingDirectory);
            var inside = Path.GetRelativePath(configuredData, full);
            return dataOverride is not null && !inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside)
                ? Path.GetFullPath(Path.Combine(data, inside))
                : full;
        }

        var mediaRoot = Relocate(Text(configuration, "ClipGeneration:LocalMediaRoot"), "media");

        // The storage adapters' own settings (kinds, S3, DynamoDb, SQLite sections) are checked by Core's factory;
        // its problems join this list so the user reads one message.
        ClipStorageSettings? storage = null;
        try
        {
            storage = ClipStorageFactory.ReadSettings(configuration, Path.Combine(data, "clips.db"));
        }
        catch (ClipStorageConfigurationException invalid)
        {
            problems.AddRange(invalid.Problems);
        }

        var output = storage is null ? null : ReadOutput(configuration, storage.MediaStore, Relocate, problems);

        var keys = (Text(configuration, "ClipGeneration:ApiKeys") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        if (problems.Count > 0)
        {
            throw new HostConfigurationException(problems);
        }

        return new ClipHostSettings
        {
            Configuration = configuration,
            HubName = hubName,
            MaxConcurrentActivityFunctions = activities,
            MaxConcurrentOrchestratorFunctions = orchestrators,
            SegmentConcurrency = segments,
            LeaseDuration = lease,
            DataDirectory = data,
            LocalMediaRoot = mediaRoot,
            OutputLocation = output!,
            Storage = storage!,
            Requests = new ClipRequestOptions
            {
                AllowedBuckets = Text(configuration, "ClipGeneration:AllowedBuckets") ?? string.Empty,
                LocalMediaRoot = mediaRoot,
                MaxSegments = maxSegments,
                MaxSegmentSeconds = maxSegmentSeconds,
                MaxTotalSeconds = maxTotalSeconds,
            },
            ApiKeys = keys,
            JsonLogs = jsonLogs,
            MaxRequestBodyBytes = bodyLimit,
        };
    }

    private static MediaLocation? ReadOutput(
        IConfiguration configuration, MediaStoreKind mediaStore, Func<string?, string, string> relocate, List<string> problems)
    {
        const string key = "ClipGeneration:OutputLocation";
        var text = Text(configuration, key);
        if (mediaStore == MediaStoreKind.S3)
        {
            if (text is null || !text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{key} must be an s3://bucket/prefix URI when ClipGeneration:MediaStore is S3 (was '{text}')");
                return null;
            }

            if (!MediaLocation.TryParse(text.EndsWith('/') ? text : text + "/", out var s3, out var error))
            {
                problems.Add($"{key}: {error}");
                return null;
            }

            return s3;
        }

        if (text is not null && text.Contains("://", StringComparison.Ordinal))
        {
            problems.Add($"{key} must be a local folder when ClipGeneration:MediaStore is Local (was '{text}')");
            return null;
        }

        var folder = relocate(text, "output");
        if (!MediaLocation.TryParse(folder.TrimEnd('/') + "/", out var local, out var localError))
        {
            problems.Add($"{key}: {localError}");
            return null;
        }

        return local;
    }

    private static string? Text(IConfiguration configuration, string key)
        => configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int PositiveInt(IConfiguration configuration, string key, int fallback, List<string> problems)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            problems.Add($"{key} must be a whole number >= 1 (was '{text}')");
            return fallback;
        }

        return value;
    }

    private static double PositiveNumber(IConfiguration configuration, string key, double fallback, List<string> problems)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
        {
            problems.Add($"{key} must be a number > 0 (was '{text}')");
            return fallback;
        }

        return value;
    }

    private static TimeSpan? Duration(IConfiguration configuration, string key, List<string> problems)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) || value < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{key} must be a duration of at least 00:00:01 (was '{text}')");
            return null;
        }

        return value;
    }

    private static bool Bool(IConfiguration configuration, string key, bool fallback, List<string> problems)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        if (!bool.TryParse(text, out var value))
        {
            problems.Add($"{key} must be true or false (was '{text}')");
            return fallback;
        }

        return value;
    }
}
