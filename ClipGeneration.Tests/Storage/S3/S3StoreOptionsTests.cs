using ClipGeneration.Core.Aws;
using ClipGeneration.Core.Storage.S3;

namespace ClipGeneration.Tests.Storage.S3;

public sealed class S3StoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(new S3StoreOptions().Validate());
    }

    [Fact]
    public void Validate_EveryKeyWrong_ListsEveryProblemByKey()
    {
        var options = new S3StoreOptions
        {
            ServiceUrl = "ftp://example",
            Region = " ",
            AccessKey = "only-access",
            PartSizeBytes = 1024,
            MultipartThresholdBytes = 10,
            Retry = new AwsRetryOptions { MaxAttempts = 0 },
        };

        var problems = options.Validate();

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:ServiceUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:Region", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:AccessKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:PartSizeBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:MultipartThresholdBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:S3:Retry:MaxAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithEveryProblem()
    {
        var options = new S3StoreOptions { PartSizeBytes = 1, AccessKey = "a" };
        using var client = S3ClientFactory.Create(new S3StoreOptions { ServiceUrl = "http://127.0.0.1:1", ForcePathStyle = true });

        var error = Assert.Throws<ArgumentException>(() => new S3MediaStore(client, options));

        Assert.Contains("PartSizeBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessKey", error.Message, StringComparison.Ordinal);
    }
}
