using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using ClipGeneration.Core.Aws;

namespace ClipGeneration.Core.Storage.S3;

/// <summary>Builds the SDK client from <see cref="S3StoreOptions"/>.</summary>
public static class S3ClientFactory
{
    /// <summary>A client for the configured endpoint, with the SDK's own retries off.</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="httpClientFactory">Optional: lets tests put a fault-injecting handler under the SDK.</param>
    public static IAmazonS3 Create(S3StoreOptions options, HttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // Polly is the one retry layer (AwsRetryPipeline), so its attempt count is the one documented.
            MaxErrorRetry = 0,
        };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        if (options.CompatibleEndpoint)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        var credentials = AwsCredentialsFactory.FromKeys(options.AccessKey, options.SecretKey);
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
