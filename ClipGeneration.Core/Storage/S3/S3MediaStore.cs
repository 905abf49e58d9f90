using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using ClipGeneration.Core.Aws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace ClipGeneration.Core.Storage.S3;

/// <summary>
/// <see cref="IMediaStore"/> over S3 or an S3-compatible endpoint (<c>s3://bucket/key</c> locations).
/// </summary>
/// <remarks>
/// Every call runs inside the <see cref="AwsRetryPipeline"/>: transient faults (throttling, 5xx, resets,
/// timeouts) are retried with jittered exponential backoff; 400/403/404 are not. Uploads go straight to
/// the final key as one PUT or one completed multipart upload (both atomic on S3); a multipart upload that
/// fails is aborted, so no partial object is ever visible. CopyObject is never used (s3rver breaks it).
/// Bad input: a non-S3 location, an empty key, or a non-positive range throws <see cref="ArgumentException"/>;
/// a missing object or bucket throws <see cref="MediaNotFoundException"/>.
/// </remarks>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3StoreOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public S3MediaStore(IAmazonS3 client, S3StoreOptions options, TimeProvider? time = null, ILogger<S3MediaStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid S3 store settings: " + string.Join("; ", problems), nameof(options));
        }

        _client = client;
        _options = options;
        _pipeline = AwsRetryPipeline.Create(options.Retry);
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the store with its own SDK client built from <paramref name="options"/>.</summary>
    public static S3MediaStore Create(S3StoreOptions options, TimeProvider? time = null, ILogger<S3MediaStore>? logger = null)
        => new(S3ClientFactory.Create(options), options, time, logger);

    public bool CanServe(MediaLocation location) => location?.Scheme == MediaScheme.S3;

    public async Task<Stream> OpenReadAsync(MediaLocation location, ByteRange? range, CancellationToken cancellationToken)
    {
        RequireObject(location);
        RequireRange(range);
        return await RunAsync(location, async ct =>
        {
            var response = await _client.GetObjectAsync(CreateGetRequest(location, range), ct);
            return (Stream)new ResponseOwningStream(response.ResponseStream, response, response.ContentLength);
        }, cancellationToken);
    }

    public async Task DownloadAsync(MediaLocation location, ByteRange? range, string localPath, CancellationToken cancellationToken)
    {
        RequireObject(location);
        RequireRange(range);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var partial = localPath + ".part";

        // The whole transfer is one attempt: a connection reset half-way restarts the download.
        await RunAsync(location, async ct =>
        {
            using (var response = await _client.GetObjectAsync(CreateGetRequest(location, range), ct))
            {
                await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await response.ResponseStream.CopyToAsync(file, ct);
            }

            File.Move(partial, localPath, overwrite: true);
            return true;
        }, cancellationToken);
    }

    public async Task<bool> ExistsAsync(MediaLocation location, CancellationToken cancellationToken)
    {
        RequireObject(location);
        try
        {
            await GetSizeAsync(location, cancellationToken);
            return true;
        }
        catch (MediaNotFoundException)
        {
            return false;
        }
    }

    public Task<long> GetSizeAsync(MediaLocation location, CancellationToken cancellationToken)
    {
        RequireObject(location);
        return RunAsync(location, async ct =>
        {
            var metadata = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = location.Bucket, Key = location.Path }, ct);
            return metadata.ContentLength;
        }, cancellationToken);
    }

    public async Task UploadAsync(string localPath, MediaLocation destination, string contentType, CancellationToken cancellationToken)
    {
        RequireObject(destination);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var length = new FileInfo(localPath).Length; // FileNotFoundException names the path when it is missing.
        if (length > _options.MultipartThresholdBytes)
        {
            await UploadMultipartAsync(localPath, length, destination, contentType, cancellationToken);
            return;
        }

        await RunAsync(destination, async ct =>
        {
            await _client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = destination.Bucket,
                    Key = destination.Path,
                    FilePath = localPath,
                    ContentType = contentType,
                    UseChunkEncoding = !_options.CompatibleEndpoint,
                },
                ct);
            return true;
        }, cancellationToken);
    }

    public async Task DeletePrefixAsync(MediaLocation prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        RequireS3(prefix);
        if (prefix.Path.Length == 0)
        {
            throw new ArgumentException($"Refusing to delete every object of bucket '{prefix.Bucket}': the prefix is empty.", nameof(prefix));
        }

        string? continuation = null;
        do
        {
            var page = await RunAsync(prefix, ct => _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Path, ContinuationToken = continuation }, ct),
                cancellationToken);
            var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
            if (keys.Count > 0)
            {
                var deleted = await RunAsync(prefix, ct => _client.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = prefix.Bucket, Objects = keys, Quiet = true }, ct),
                    cancellationToken);
                if (deleted.DeleteErrors is { Count: > 0 } errors)
                {
                    throw new IOException(
                        $"Deleting under '{prefix}' failed for {errors.Count} object(s), first: '{errors[0].Key}': {errors[0].Code} {errors[0].Message}");
                }
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task<Uri> GetReadUrlAsync(MediaLocation location, TimeSpan validFor, CancellationToken cancellationToken)
    {
        RequireObject(location);
        if (validFor <= TimeSpan.Zero || validFor > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, "a presigned URL must be valid for more than 0 and at most 7 days");
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = location.Bucket,
            Key = location.Path,
            Verb = HttpVerb.GET,
            Expires = _time.GetUtcNow().UtcDateTime.Add(validFor),
        };
        if (Uri.TryCreate(_options.ServiceUrl, UriKind.Absolute, out var service) && service.Scheme == Uri.UriSchemeHttp)
        {
            request.Protocol = Protocol.HTTP;
        }

        var url = await _client.GetPreSignedURLAsync(request);
        return new Uri(url);
    }

    public void Dispose() => _client.Dispose();

    private async Task UploadMultipartAsync(string localPath, long length, MediaLocation destination, string contentType, CancellationToken cancellationToken)
    {
        var initiated = await RunAsync(destination, ct => _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = destination.Bucket, Key = destination.Path, ContentType = contentType }, ct),
            cancellationToken);
        var uploadId = initiated.UploadId;
        try
        {
            var parts = new List<PartETag>();
            var partNumber = 1;
            for (long position = 0; position < length; position += _options.PartSizeBytes, partNumber++)
            {
                var size = Math.Min(_options.PartSizeBytes, length - position);
                var request = new UploadPartRequest
                {
                    BucketName = destination.Bucket,
                    Key = destination.Path,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    FilePath = localPath,
                    FilePosition = position,
                    PartSize = size,
                    IsLastPart = position + size >= length,
                    UseChunkEncoding = !_options.CompatibleEndpoint,
                };
                var uploaded = await RunAsync(destination, ct => _client.UploadPartAsync(request, ct), cancellationToken);
                parts.Add(new PartETag(partNumber, uploaded.ETag));
            }

            await RunAsync(destination, ct => _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = destination.Bucket, Key = destination.Path, UploadId = uploadId, PartETags = parts }, ct),
                cancellationToken);
        }
        catch (Exception failure)
        {
            await AbortAsync(destination, uploadId, failure);
            throw;
        }
    }

    private async Task AbortAsync(MediaLocation destination, string uploadId, Exception cause)
    {
        try
        {
            // Not the caller's token: a cancelled upload must still release its parts.
            await RunAsync(destination, ct => _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = destination.Bucket, Key = destination.Path, UploadId = uploadId }, ct),
                CancellationToken.None);
        }
        catch (Exception abortFailure)
        {
            // The original failure is what the caller must see; the orphaned parts are only a cost, so log them.
            _logger.LogWarning(abortFailure, "Aborting multipart upload {UploadId} to {Destination} after {Cause} failed; its parts remain until a lifecycle rule removes them",
                uploadId, destination, cause.GetType().Name);
        }
    }

    private async Task<T> RunAsync<T>(MediaLocation location, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NoSuchBucket")
        {
            throw new MediaNotFoundException(location);
        }
    }

    private static GetObjectRequest CreateGetRequest(MediaLocation location, ByteRange? range)
    {
        var request = new GetObjectRequest { BucketName = location.Bucket, Key = location.Path };
        if (range is { } r)
        {
            request.ByteRange = new Amazon.S3.Model.ByteRange(r.Offset, r.EndExclusive - 1);
        }

        return request;
    }

    private static void RequireS3(MediaLocation location)
    {
        if (location.Scheme != MediaScheme.S3)
        {
            throw new ArgumentException($"'{location}' is not an s3:// location; the S3 store serves only those.", nameof(location));
        }
    }

    private static void RequireObject(MediaLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        RequireS3(location);
        if (location.Path.Length == 0 || location.Path.EndsWith('/'))
        {
            throw new ArgumentException($"'{location}' names a bucket or folder, not an object.", nameof(location));
        }
    }

    private static void RequireRange(ByteRange? range)
    {
        if (range is { } r && (r.Offset < 0 || r.Length <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(range), r, "a byte range needs a non-negative offset and a positive length");
        }
    }
}
