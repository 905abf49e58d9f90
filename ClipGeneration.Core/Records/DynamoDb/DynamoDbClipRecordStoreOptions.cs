using ClipGeneration.Core.Aws;

namespace ClipGeneration.Core.Records.DynamoDb;

/// <summary>Settings of the DynamoDB clip record store (section <c>ClipGeneration:DynamoDb</c>).</summary>
public sealed class DynamoDbClipRecordStoreOptions
{
    public const string SectionName = "ClipGeneration:DynamoDb";

    /// <summary>Gets or sets the endpoint of a DynamoDB-compatible server (dynalite, DynamoDB Local); empty for AWS.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string TableName { get; set; } = "ClipRecords";

    /// <summary>Gets or sets a value indicating whether the first call creates the table (PAY_PER_REQUEST, with the status index) when it is missing.</summary>
    public bool CreateTableIfMissing { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public AwsRetryOptions Retry { get; set; } = new();

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        problems.AddRange(AwsCredentialsFactory.Validate(SectionName, ServiceUrl, Region, AccessKey, SecretKey));
        if (string.IsNullOrWhiteSpace(TableName) || TableName.Length is < 3 or > 255
            || !TableName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            problems.Add($"{SectionName}:TableName must be 3-255 characters of letters, digits, '_', '-' or '.' (was '{TableName}')");
        }

        problems.AddRange(Retry.Validate(SectionName));
        return problems;
    }
}
