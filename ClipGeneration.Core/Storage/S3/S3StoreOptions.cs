using ClipGeneration.Core.Aws;

namespace ClipGeneration.Core.Storage.S3;

/// <summary>Settings of the S3 media store, bound from the configuration section <c>ClipGeneration:S3</c>.</summary>
/// <remarks>
/// <see cref="CompatibleEndpoint"/> exists for S3-compatible servers (s3rver, older gateways, some MinIO/Ceph setups)
/// that mishandle the AWS SDK v4 defaults: with it on, request checksums are calculated and response checksums
/// validated only when an operation requires them, and uploads are sent unchunked (no <c>aws-chunked</c> encoding).
/// Without it such servers store a corrupted body while answering 200.
/// </remarks>
public sealed class S3StoreOptions
{
    public const string SectionName = "ClipGeneration:S3";

    /// <summary>Gets or sets the endpoint of an S3-compatible server; empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets a value indicating whether to address buckets as <c>host/bucket/key</c> instead of <c>bucket.host/key</c>.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Gets or sets a value indicating whether to use the S3-compatible endpoint mode (see the type's remarks).</summary>
    public bool CompatibleEndpoint { get; set; }

    /// <summary>Gets or sets the access key; with <see cref="SecretKey"/>, or both empty for the default credential chain.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Gets or sets the size above which uploads go multipart (default 64 MiB).</summary>
    public long MultipartThresholdBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the part size of multipart uploads (default 16 MiB; S3's minimum is 5 MiB).</summary>
    public long PartSizeBytes { get; set; } = 16L * 1024 * 1024;

    public AwsRetryOptions Retry { get; set; } = new();

    public const long MinimumPartSizeBytes = 5L * 1024 * 1024;

    /// <summary>Every problem with these settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        problems.AddRange(AwsCredentialsFactory.Validate(SectionName, ServiceUrl, Region, AccessKey, SecretKey));
        if (PartSizeBytes < MinimumPartSizeBytes)
        {
            problems.Add($"{SectionName}:PartSizeBytes must be at least {MinimumPartSizeBytes} (5 MiB, S3's minimum part size; was {PartSizeBytes})");
        }

        if (MultipartThresholdBytes < PartSizeBytes)
        {
            problems.Add($"{SectionName}:MultipartThresholdBytes must be at least PartSizeBytes (was {MultipartThresholdBytes} < {PartSizeBytes})");
        }

        problems.AddRange(Retry.Validate(SectionName));
        return problems;
    }
}
