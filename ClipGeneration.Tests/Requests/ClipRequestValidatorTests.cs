using ClipGeneration.Core.Media;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Storage;
using ClipGeneration.Core.Timing;

namespace ClipGeneration.Tests.Requests;

public sealed class ClipRequestValidatorTests
{
    private static readonly ClipRequestOptions Options = new()
    {
        AllowedBuckets = "recordings, archive",
        LocalMediaRoot = "/srv/media",
    };

    private static readonly ClipRequestValidator Validator = new(Options);

    [Fact]
    public void Check_GoodS3Request_ReturnsManifestAsMediaLocation()
    {
        var result = Validator.Check(Request(manifest: "s3://recordings/stream42/index.m3u8"));

        Assert.Empty(result.Problems);
        Assert.Equal(MediaLocation.S3("recordings", "stream42/index.m3u8"), result.Request!.Manifest);
    }

    [Theory]
    [InlineData("stream42/index.m3u8", "/srv/media/stream42/index.m3u8")]
    [InlineData("stream42/../other/index.m3u8", "/srv/media/other/index.m3u8")]
    [InlineData("/srv/media/stream42/index.m3u8", "/srv/media/stream42/index.m3u8")]
    public void Check_LocalManifestUnderRoot_IsResolvedUnderIt(string manifest, string expected)
    {
        var result = Validator.Check(Request(manifest: manifest));

        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.Request!.Manifest.ToString());
    }

    public static TheoryData<string, ClipRequest, string, string> BrokenRules => new()
    {
        { "empty clip id", Request(clipId: string.Empty), "clipId", "is required" },
        { "clip id too long", Request(clipId: new string('a', 129)), "clipId", "at most 128" },
        { "clip id with slash", Request(clipId: "a/b"), "clipId", "contains '/'" },
        { "clip id with space", Request(clipId: "a b"), "clipId", "contains '\\u0020'" },
        { "clip id with non-ASCII letter", Request(clipId: "clipé"), "clipId", "contains 'é'" },
        { "clip id starting with dot", Request(clipId: ".hidden"), "clipId", "may not start with '.'" },
        { "clip id with dot-dot", Request(clipId: "a..b"), "clipId", "may not contain '..'" },
        { "empty manifest", Request(manifest: " "), "manifest", "is required" },
        { "bucket not allowed", Request(manifest: "s3://secrets/x.m3u8"), "manifest", "bucket 'secrets' is not in the allow-list (allowed: archive, recordings)" },
        { "s3 bucket only", Request(manifest: "s3://recordings/"), "manifest", "not a playlist object" },
        { "s3 key escaping bucket", Request(manifest: "s3://recordings/../x.m3u8"), "manifest", "climbs above the bucket" },
        { "http manifest", Request(manifest: "https://example.com/x.m3u8"), "manifest", "scheme other than s3://" },
        { "file uri", Request(manifest: "file:///srv/media/x.m3u8"), "manifest", "scheme other than s3://" },
        { "relative path escaping root", Request(manifest: "../etc/passwd"), "manifest", "outside the local media root" },
        { "absolute path outside root", Request(manifest: "/etc/passwd"), "manifest", "outside the local media root" },
        { "absolute path escaping with dot-dot", Request(manifest: "/srv/media/../secret/x.m3u8"), "manifest", "outside the local media root" },
        { "sibling folder with root as prefix", Request(manifest: "/srv/media2/x.m3u8"), "manifest", "outside the local media root" },
        { "the root itself", Request(manifest: "/srv/media"), "manifest", "outside the local media root" },
        { "backslash in path", Request(manifest: "a\\b.m3u8"), "manifest", "backslash" },
        { "no segments", Request(segments: []), "segments", "at least one" },
        { "too many segments", Request(segments: [.. Enumerable.Range(0, 21).Select(i => Offsets(i * 10, (i * 10) + 5))]), "segments", "has 21 ranges; at most 20" },
        { "end before start", Request(segments: [Offsets(10, 5)]), "segments[0].endTime", "'5' is not after startTime '10'" },
        { "end equal to start", Request(segments: [Offsets(10, 10)]), "segments[0].endTime", "is not after" },
        { "instant end before start", Request(segments: [Instants("2026-11-20T10:04:30Z", "2026-11-20T10:04:10Z")]), "segments[0].endTime", "is not after" },
        { "mixed offset and instant", Request(segments: [new RequestedSegment(TimePoint.FromSeconds(1), TimePoint.Parse("2026-11-20T10:04:10Z"))]), "segments[0]", "mixes an offset" },
        { "segment too long", Request(segments: [Offsets(0, 600.5)]), "segments[0]", "is 600.5 s long; at most 600 s" },
        { "instant segment too long", Request(segments: [Instants("2026-11-20T10:00:00Z", "2026-11-20T10:20:00Z")]), "segments[0]", "is 1200 s long" },
        { "total too long", Request(segments: [.. Enumerable.Range(0, 7).Select(i => Offsets(i * 600, (i * 600) + 550))]), "segments", "add up to 3850 s; at most 3600 s" },
        { "unknown mode", Request(mode: (ClipMode)7), "mode", "'7' is not a mode" },
        { "blank variant", Request(variant: " "), "variant", "is not a bandwidth" },
        { "named variant", Request(variant: "720p"), "variant", "BANDWIDTH (bits per second)" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Check_BrokenRule_ReportsFieldAndReason(string rule, ClipRequest request, string field, string reason)
    {
        var result = Validator.Check(request);

        Assert.False(result.IsValid, rule);
        Assert.Contains(result.Problems, p => p.Field == field && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SeveralBrokenRules_ListsEveryOne()
    {
        var request = Request(clipId: "../x", manifest: "http://evil/x.m3u8", segments: [Offsets(10, 5), Offsets(0, 700)]);

        var problems = Validator.Check(request).Problems.Select(p => p.Field).ToList();

        Assert.Equal(["clipId", "clipId", "clipId", "manifest", "segments[0].endTime", "segments[1]"], problems);
    }

    [Fact]
    public void Validate_BadRequest_ThrowsWithEveryProblem()
    {
        var exception = Assert.Throws<ClipRequestValidationException>(() => Validator.Validate(Request(clipId: "a/b", segments: [])));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("clipId: contains '/'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("segments: at least one", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Core.Orchestration.INonRetryableFailure>(exception);
    }

    [Theory]
    [InlineData("s3://secrets/x.m3u8", "s3://secrets/x.m3u8")]
    [InlineData("/etc/media/x.m3u8", "/etc/media/x.m3u8")]
    public void Check_TrustedSource_SkipsAllowList(string manifest, string expected)
    {
        var result = Validator.Check(Request(manifest: manifest), trustedSource: true);

        Assert.Equal(expected, result.Request!.Manifest.ToString());
    }

    [Fact]
    public void Check_TrustedSourceRelativePath_ResolvesAgainstWorkingDirectory()
    {
        var result = Validator.Check(Request(manifest: "media/x.m3u8"), trustedSource: true);

        Assert.Equal(Path.GetFullPath("media/x.m3u8"), result.Request!.Manifest.ToString());
    }

    [Theory]
    [InlineData("https://example.com/x.m3u8", "manifest")]
    [InlineData("s3://recordings/x.m3u8", "clipId")]
    public void Check_TrustedSource_KeepsEveryOtherRule(string manifest, string field)
    {
        var result = Validator.Check(Request(clipId: "a/b", manifest: manifest), trustedSource: true);

        Assert.Contains(result.Problems, p => p.Field == field);
    }

    [Fact]
    public void Check_NoLocalRootConfigured_RejectsLocalPaths()
    {
        var validator = new ClipRequestValidator(new ClipRequestOptions { AllowedBuckets = "recordings" });

        var result = validator.Check(Request(manifest: "stream42/index.m3u8"));

        Assert.Contains(result.Problems, p => p.Field == "manifest" && p.Reason.Contains("no local media root is configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DefaultOptions_AllowNoBucket()
    {
        var result = new ClipRequestValidator(new ClipRequestOptions()).Check(Request(manifest: "s3://recordings/x.m3u8"));

        Assert.Contains(result.Problems, p => p.Reason.Contains("no buckets are configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_Json_ReportsShapeProblemsAndRuleViolationsTogether()
    {
        var result = Validator.Check("""{"clipId":"a/b","segments":[{"startTime":"00:61:00","endTime":5},{"startTime":9,"endTime":3}]}"""u8);

        Assert.Equal(
            [
                "manifest: is required",
                "segments[0].startTime: '00:61:00' is not a valid hh:mm:ss(.fff) time",
                "clipId: contains '/'; only letters, digits, '.', '_' and '-' are allowed",
                "segments[1].endTime: '3' is not after startTime '9'",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Check_LimitsFromOptions_AreApplied()
    {
        var validator = new ClipRequestValidator(new ClipRequestOptions { AllowedBuckets = "recordings", MaxSegments = 1, MaxSegmentSeconds = 5, MaxTotalSeconds = 4 });

        var problems = validator.Check(Request(segments: [Offsets(0, 4.5), Offsets(10, 11)])).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("segments: has 2 ranges; at most 1 are allowed", problems);
        Assert.Contains("segments: add up to 5.5 s; at most 4 s per clip are allowed", problems);
    }

    private static ClipRequest Request(
        string clipId = "stream42-highlight-7",
        string manifest = "s3://recordings/stream42/index.m3u8",
        RequestedSegment[]? segments = null,
        ClipMode mode = ClipMode.Keyframe,
        string? variant = null)
        => new(clipId, manifest, segments ?? [Offsets(65.5, 95)], mode, Title: null, variant);

    private static RequestedSegment Offsets(double start, double end) => new(TimePoint.FromSeconds(start), TimePoint.FromSeconds(end));

    private static RequestedSegment Instants(string start, string end) => new(TimePoint.Parse(start), TimePoint.Parse(end));
}
