using System.Globalization;
using System.Text.Json;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Requests;

/// <summary>
/// Holds clip requests to the rules: a safe clip id, a manifest inside the allow-list, 1..MaxSegments
/// ranges each ending after it starts, per-range and total length limits, a known mode.
/// </summary>
/// <remarks>
/// Pure: no file system or network access (a relative <see cref="ClipRequestOptions.LocalMediaRoot"/> is
/// made absolute against the working directory once, at construction). Bad input never stops at the first
/// problem: <see cref="Check(ClipRequest, bool)"/> returns all of them, each with its field path.
/// A trusted source (the command line, whose user owns the machine) skips only the allow-list: any
/// <c>s3://</c> URI or local path (relative to the working directory) is accepted; every other rule holds.
/// </remarks>
public sealed class ClipRequestValidator
{
    /// <summary>The longest clip id; ids become instance ids, object keys and file names.</summary>
    public const int MaxClipIdLength = 128;

    private readonly ClipRequestOptions _options;
    private readonly MediaLocation? _localRoot;
    private readonly string? _localRootProblem;
    private readonly HashSet<string> _allowedBuckets;

    public ClipRequestValidator(ClipRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _allowedBuckets = new HashSet<string>(options.AllowedBucketNames, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.LocalMediaRoot))
        {
            var full = Path.GetFullPath(options.LocalMediaRoot.Trim());
            if (MediaLocation.TryParse(full, out var root, out var error))
            {
                _localRoot = root;
            }
            else
            {
                _localRootProblem = $"the configured local media root is unusable: {error}";
            }
        }
    }

    /// <summary>Reads and checks a request from UTF-8 JSON: shape problems and rule violations in one list.</summary>
    public ClipRequestValidationResult Check(ReadOnlySpan<byte> utf8Json, bool trustedSource = false)
        => Check(ClipRequestReader.Read(utf8Json), trustedSource);

    /// <summary>Reads and checks a request from a JSON element.</summary>
    public ClipRequestValidationResult Check(JsonElement element, bool trustedSource = false)
        => Check(ClipRequestReader.Read(element), trustedSource);

    /// <summary>Checks a request against every rule; never throws on bad input.</summary>
    public ClipRequestValidationResult Check(ClipRequest request, bool trustedSource = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        CheckClipId(request.ClipId, problems);
        var manifest = CheckManifest(request.Manifest, trustedSource, problems);
        CheckSegments(request.Segments, problems);
        if (!Enum.IsDefined(request.Mode))
        {
            problems.Add(new RequestProblem("mode", $"'{request.Mode}' is not a mode: use \"keyframe\" or \"accurate\""));
        }

        // The planner picks a master playlist's variant by its EXT-X-STREAM-INF BANDWIDTH, so that is what a variant names.
        if (request.Variant is { } variant
            && !(long.TryParse(variant.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bandwidth) && bandwidth > 0))
        {
            problems.Add(new RequestProblem("variant", $"'{variant}' is not a bandwidth: when given, it must be the BANDWIDTH (bits per second) of a variant in the master playlist"));
        }

        if (problems.Count > 0)
        {
            return ClipRequestValidationResult.Failure(problems);
        }

        return ClipRequestValidationResult.Success(
            new ValidatedClipRequest(request.ClipId, manifest!, request.Segments, request.Mode, request.Title, request.Variant?.Trim()));
    }

    /// <summary>Checks a request and returns it validated.</summary>
    /// <exception cref="ClipRequestValidationException">The request broke one or more rules; all are listed.</exception>
    public ValidatedClipRequest Validate(ClipRequest request, bool trustedSource = false)
        => Check(request, trustedSource).GetRequestOrThrow();

    private ClipRequestValidationResult Check(ClipRequestReadResult read, bool trustedSource)
    {
        if (read.Request is not null)
        {
            return Check(read.Request, trustedSource);
        }

        if (read.Partial is null)
        {
            return ClipRequestValidationResult.Failure(read.Problems);
        }

        // Rules are checked on what could be read, so one answer lists everything; a rule about a field the
        // reader already rejected (or about a part of it) would only repeat that problem.
        var ruleProblems = Check(read.Partial, trustedSource).Problems
            .Where(rule => !read.Problems.Any(shape => Overlaps(shape.Field, rule.Field)));
        return ClipRequestValidationResult.Failure([.. read.Problems, .. ruleProblems]);
    }

    private static bool Overlaps(string shapeField, string ruleField)
        => string.Equals(shapeField, ruleField, StringComparison.Ordinal)
            || (ruleField != "segments" && IsUnder(shapeField, ruleField))
            || IsUnder(ruleField, shapeField);

    private static bool IsUnder(string field, string parent)
        => field.StartsWith(parent + ".", StringComparison.Ordinal) || field.StartsWith(parent + "[", StringComparison.Ordinal);

    private static void CheckClipId(string? clipId, List<RequestProblem> problems)
    {
        if (string.IsNullOrEmpty(clipId))
        {
            problems.Add(new RequestProblem("clipId", "is required"));
            return;
        }

        if (clipId.Length > MaxClipIdLength)
        {
            problems.Add(new RequestProblem("clipId", $"is {clipId.Length} characters long; at most {MaxClipIdLength} are allowed"));
        }

        var bad = clipId.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'));
        if (bad != default)
        {
            problems.Add(new RequestProblem("clipId", $"contains '{Printable(bad)}'; only letters, digits, '.', '_' and '-' are allowed"));
        }

        if (clipId.StartsWith('.'))
        {
            problems.Add(new RequestProblem("clipId", "may not start with '.'"));
        }

        if (clipId.Contains("..", StringComparison.Ordinal))
        {
            problems.Add(new RequestProblem("clipId", "may not contain '..'"));
        }
    }

    private MediaLocation? CheckManifest(string? manifest, bool trustedSource, List<RequestProblem> problems)
    {
        var text = manifest?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add(new RequestProblem("manifest", "is required (s3://bucket/key or a path under the local media root)"));
            return null;
        }

        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return CheckS3Manifest(text, trustedSource, problems);
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new RequestProblem("manifest", $"'{text}' uses a scheme other than s3://; only s3:// URIs and local paths are accepted"));
            return null;
        }

        return trustedSource ? CheckTrustedLocalManifest(text, problems) : CheckLocalManifest(text, problems);
    }

    private MediaLocation? CheckS3Manifest(string text, bool trustedSource, List<RequestProblem> problems)
    {
        if (!MediaLocation.TryParse(text, out var location, out var error))
        {
            problems.Add(new RequestProblem("manifest", error));
            return null;
        }

        if (location.Path.Length == 0 || location.Path.EndsWith('/'))
        {
            problems.Add(new RequestProblem("manifest", $"'{text}' names a bucket or folder, not a playlist object"));
            return null;
        }

        if (!trustedSource && !_allowedBuckets.Contains(location.Bucket))
        {
            var allowed = _allowedBuckets.Count == 0 ? "no buckets are configured" : "allowed: " + string.Join(", ", _allowedBuckets.Order(StringComparer.Ordinal));
            problems.Add(new RequestProblem("manifest", $"bucket '{location.Bucket}' is not in the allow-list ({allowed})"));
            return null;
        }

        return location;
    }

    private MediaLocation? CheckLocalManifest(string text, List<RequestProblem> problems)
    {
        if (_localRootProblem is not null)
        {
            problems.Add(new RequestProblem("manifest", _localRootProblem));
            return null;
        }

        if (_localRoot is null)
        {
            problems.Add(new RequestProblem("manifest", $"'{text}' is a local path, but no local media root is configured; use an s3:// URI"));
            return null;
        }

        var candidate = text.StartsWith('/') ? text : _localRoot.Path.TrimEnd('/') + "/" + text;
        if (!MediaLocation.TryParse(candidate, out var location, out var error))
        {
            problems.Add(new RequestProblem("manifest", error));
            return null;
        }

        if (!location.IsWithin(_localRoot) || string.Equals(location.Path.TrimEnd('/'), _localRoot.Path.TrimEnd('/'), StringComparison.Ordinal))
        {
            problems.Add(new RequestProblem("manifest", $"'{text}' is outside the local media root '{_localRoot}'"));
            return null;
        }

        return location;
    }

    private static MediaLocation? CheckTrustedLocalManifest(string text, List<RequestProblem> problems)
    {
        string full;
        try
        {
            full = Path.GetFullPath(text);
        }
        catch (ArgumentException exception)
        {
            problems.Add(new RequestProblem("manifest", $"'{text}' is not a usable path: {exception.Message}"));
            return null;
        }

        if (!MediaLocation.TryParse(full, out var location, out var error))
        {
            problems.Add(new RequestProblem("manifest", error));
            return null;
        }

        return location;
    }

    private void CheckSegments(IReadOnlyList<RequestedSegment>? segments, List<RequestProblem> problems)
    {
        if (segments is null || segments.Count == 0)
        {
            problems.Add(new RequestProblem("segments", "at least one {startTime, endTime} range is required"));
            return;
        }

        if (segments.Count > _options.MaxSegments)
        {
            problems.Add(new RequestProblem("segments", $"has {segments.Count} ranges; at most {_options.MaxSegments} are allowed"));
        }

        var total = 0.0;
        for (var i = 0; i < segments.Count; i++)
        {
            var path = $"segments[{i}]";
            var segment = segments[i];
            if (segment is null)
            {
                problems.Add(new RequestProblem(path, "is missing (null)"));
                continue;
            }

            if (segment.DurationSeconds is not { } duration)
            {
                problems.Add(new RequestProblem(path, $"mixes an offset ('{segment.StartTime}') and an instant ('{segment.EndTime}'); use the same kind for both ends"));
                continue;
            }

            if (duration <= 0)
            {
                problems.Add(new RequestProblem($"{path}.endTime", $"'{segment.EndTime}' is not after startTime '{segment.StartTime}'"));
                continue;
            }

            if (duration > _options.MaxSegmentSeconds)
            {
                problems.Add(new RequestProblem(path, $"is {Seconds(duration)} s long; at most {Seconds(_options.MaxSegmentSeconds)} s per range are allowed"));
            }

            total += duration;
        }

        if (total > _options.MaxTotalSeconds)
        {
            problems.Add(new RequestProblem("segments", $"add up to {Seconds(total)} s; at most {Seconds(_options.MaxTotalSeconds)} s per clip are allowed"));
        }
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
