using Amazon;
using Amazon.DynamoDBv2;
using ClipGeneration.Core.Aws;

namespace ClipGeneration.Core.Records.DynamoDb;

/// <summary>Builds the SDK client from <see cref="DynamoDbClipRecordStoreOptions"/>, with the SDK's own retries off (Polly retries).</summary>
public static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB Create(DynamoDbClipRecordStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = 0 };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        var credentials = AwsCredentialsFactory.FromKeys(options.AccessKey, options.SecretKey);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
