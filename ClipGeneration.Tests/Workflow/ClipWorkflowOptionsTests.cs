using ClipGeneration.Core.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Tests.Workflow;

public sealed class ClipWorkflowOptionsTests
{
    [Fact]
    public void AddClipWorkflowServices_Defaults_AreValidAndReadFromHostJsonKeys()
    {
        var configuration = Configuration(new() { ["clipGeneration:segmentConcurrency"] = "5", ["clipGeneration:maxAttempts"] = "4" });

        using var services = new ServiceCollection().AddClipWorkflowServices(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<ClipWorkflowOptions>();

        Assert.Equal(5, options.SegmentConcurrency);
        Assert.Equal(4, options.ToRetryPolicy().MaxNumberOfAttempts);
    }

    [Fact]
    public void AddClipWorkflowServices_BadSettings_FailsAtStartListingEveryProblem()
    {
        var configuration = Configuration(new()
        {
            ["clipGeneration:segmentConcurrency"] = "0",
            ["clipGeneration:maxAttempts"] = "0",
            ["clipGeneration:backoffCoefficient"] = "0.5",
        });

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddClipWorkflowServices(configuration));

        Assert.Contains("segmentConcurrency must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxAttempts must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("backoffCoefficient must be a number >= 1", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
