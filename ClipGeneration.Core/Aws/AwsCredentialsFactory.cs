using Amazon.Runtime;

namespace ClipGeneration.Core.Aws;

/// <summary>Explicit keys when both are configured; otherwise null, meaning the SDK's default credential chain.</summary>
internal static class AwsCredentialsFactory
{
    public static AWSCredentials? FromKeys(string? accessKey, string? secretKey)
        => string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey) ? null : new BasicAWSCredentials(accessKey, secretKey);

    public static IEnumerable<string> Validate(string section, string? serviceUrl, string? region, string? accessKey, string? secretKey)
    {
        if (string.IsNullOrEmpty(accessKey) != string.IsNullOrEmpty(secretKey))
        {
            yield return $"{section}:AccessKey and {section}:SecretKey must be set together (or both left out for the default credential chain)";
        }

        if (!string.IsNullOrEmpty(serviceUrl)
            && !(Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return $"{section}:ServiceUrl must be an absolute http(s) URL (was '{serviceUrl}')";
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            yield return $"{section}:Region is required";
        }
    }
}
