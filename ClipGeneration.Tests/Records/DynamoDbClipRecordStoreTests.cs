using Amazon.DynamoDBv2.Model;
using ClipGeneration.Core.Records;
using ClipGeneration.Core.Records.DynamoDb;
using ClipGeneration.Tests.TestServers;

namespace ClipGeneration.Tests.Records;

public sealed class DynamoDbClipRecordStoreTests : ClipRecordStoreContract, IClassFixture<DynaliteFixture>, IDisposable
{
    private readonly DynaliteFixture _dynalite;
    private readonly DynamoDbClipRecordStoreOptions _options;
    private readonly DynamoDbClipRecordStore _store;

    public DynamoDbClipRecordStoreTests(DynaliteFixture dynalite)
    {
        _dynalite = dynalite;
        _options = dynalite.CreateOptions();
        _store = DynamoDbClipRecordStore.Create(_options);
    }

    protected override IClipRecordStore Store => _store;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task MarkProcessedAsync_RawItem_HasHistoryListAndAppliedTransitionSet()
    {
        await _store.CreateAsync(NewRecord("raw"), "raw:create", default);
        await _store.MarkProcessedAsync("raw", Output("raw"), 7.25, Start.AddSeconds(7.25), "raw:complete", default);
        await _store.MarkProcessedAsync("raw", Output("raw"), 9, Start.AddSeconds(9), "raw:complete", default);

        using var raw = DynamoDbClientFactory.Create(_options);
        var item = (await raw.GetItemAsync(new GetItemRequest
        {
            TableName = _options.TableName,
            Key = new() { ["clipId"] = new AttributeValue { S = "raw" } },
            ConsistentRead = true,
        })).Item;

        Assert.Equal("processed", item["status"].S);
        var history = item["statusHistory"].L;
        Assert.Equal(2, history.Count);
        Assert.Equal(["processing", "processed"], history.Select(e => e.M["status"].S));
        Assert.Equal(["raw:create", "raw:complete"], history.Select(e => e.M["transitionId"].S));
        Assert.Equal("2026-11-20T10:00:07.3730000Z", history[1].M["at"].S);
        Assert.Equal(["raw:complete", "raw:create"], item["appliedTransitions"].SS.Order(StringComparer.Ordinal));
        Assert.Equal("7.25", item["processingSeconds"].N);
        Assert.Contains("\"sizeBytes\":1234567", item["output"].S, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IllegalTransition_RawConditionalUpdate_IsRejectedByTheCondition()
    {
        await _store.CreateAsync(NewRecord("cond"), "cond:create", default);
        await _store.MarkFailedAsync("cond", Error(), Start.AddSeconds(2), "cond:fail", default);

        // The same conditional write the store sends, issued by hand: DynamoDB itself refuses failed -> processed.
        using var raw = DynamoDbClientFactory.Create(_options);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => raw.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _options.TableName,
            Key = new() { ["clipId"] = new AttributeValue { S = "cond" } },
            UpdateExpression = "SET #s = :to",
            ConditionExpression = "attribute_exists(clipId) AND #s = :processing AND NOT contains(appliedTransitions, :tid)",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":to"] = new AttributeValue { S = "processed" },
                [":processing"] = new AttributeValue { S = "processing" },
                [":tid"] = new AttributeValue { S = "cond:complete" },
            },
        }));
        var item = (await raw.GetItemAsync(new GetItemRequest
        {
            TableName = _options.TableName,
            Key = new() { ["clipId"] = new AttributeValue { S = "cond" } },
            ConsistentRead = true,
        })).Item;

        Assert.Equal("failed", item["status"].S);
        Assert.Equal(2, item["statusHistory"].L.Count);
    }

    [Fact]
    public async Task GetAsync_TableMissingAndCreationOff_ThrowsNamingTableAndKey()
    {
        var options = _dynalite.CreateOptions("absent-table");
        options.CreateTableIfMissing = false;
        using var strict = DynamoDbClipRecordStore.Create(options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => strict.GetAsync("x", default));

        Assert.Contains("absent-table", error.Message, StringComparison.Ordinal);
        Assert.Contains("CreateTableIfMissing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadOptions_ListsEveryProblem()
    {
        var options = new DynamoDbClipRecordStoreOptions { TableName = "a", ServiceUrl = "not a url", SecretKey = "s" };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("ClipGeneration:DynamoDb:TableName", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:DynamoDb:ServiceUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClipGeneration:DynamoDb:AccessKey", StringComparison.Ordinal));
    }
}
