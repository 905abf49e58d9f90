using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ClipGeneration.Core.Aws;
using Polly;

namespace ClipGeneration.Core.Records.DynamoDb;

/// <summary>
/// <see cref="IClipRecordStore"/> in a DynamoDB table (or a DynamoDB-compatible server such as dynalite).
/// </summary>
/// <remarks>
/// Creation is a PutItem conditioned on <c>attribute_not_exists(clipId)</c>; each transition is one UpdateItem conditioned on
/// <c>#s = :processing AND NOT contains(appliedTransitions, :tid)</c> that sets the new status and appends the history entry
/// with <c>list_append(if_not_exists(statusHistory, :empty), :entry)</c>. No transactions (dynalite lacks them). When a
/// condition fails the item is read back (consistent read) to tell a repeat from an illegal transition. Listing by status
/// queries the <c>status-createdAt-index</c> GSI newest first; without a status it scans (unordered). The item layout is
/// described on <see cref="DynamoDbClipRecordSchema"/>. Transient faults are retried with <see cref="AwsRetryPipeline"/>.
/// </remarks>
public sealed class DynamoDbClipRecordStore : IClipRecordStore, IDisposable
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbClipRecordStoreOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _tableLock = new(1, 1);
    private bool _tableReady;

    public DynamoDbClipRecordStore(IAmazonDynamoDB client, DynamoDbClipRecordStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid DynamoDB record store settings: " + string.Join("; ", problems), nameof(options));
        }

        _client = client;
        _options = options;
        _pipeline = AwsRetryPipeline.Create(options.Retry);
    }

    public static DynamoDbClipRecordStore Create(DynamoDbClipRecordStoreOptions options)
        => new(DynamoDbClientFactory.Create(options), options);

    public string TableName => _options.TableName;

    public async Task<RecordWriteResult> CreateAsync(ClipRecord initial, string transitionId, CancellationToken cancellationToken)
    {
        var record = ClipTransitionRules.PrepareInitial(initial, transitionId);
        await EnsureTableAsync(cancellationToken);
        try
        {
            await RunAsync(ct => _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = DynamoDbClipRecordSchema.ToItem(record),
                    ConditionExpression = "attribute_not_exists(clipId)",
                },
                ct), cancellationToken);
            return new RecordWriteResult(record, RecordWriteOutcome.Applied);
        }
        catch (ConditionalCheckFailedException refused)
        {
            var existing = await GetAsync(record.ClipId, cancellationToken)
                ?? throw new InvalidOperationException($"Clip '{record.ClipId}': the conditional create failed but the item cannot be read.", refused);
            return ClipTransitionRules.ExistingOnCreate(existing, transitionId);
        }
    }

    public Task<RecordWriteResult> MarkProcessedAsync(string clipId, ClipOutput output, double processingSeconds, DateTimeOffset at, string transitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ClipTransitionRules.CheckTransitionArguments(clipId, transitionId);
        var entry = ClipTransitionRules.ProcessedEntry(output, at, transitionId);
        var values = new Dictionary<string, AttributeValue>
        {
            [":output"] = new() { S = ClipRecordJson.Serialize(output) },
            [":seconds"] = new() { N = processingSeconds.ToString("R", CultureInfo.InvariantCulture) },
        };
        return TransitionAsync(clipId, ClipStatus.Processed, entry, "#o = :output, #p = :seconds", values, cancellationToken);
    }

    public Task<RecordWriteResult> MarkFailedAsync(string clipId, ClipError error, DateTimeOffset at, string transitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ClipTransitionRules.CheckTransitionArguments(clipId, transitionId);
        var entry = ClipTransitionRules.FailedEntry(error, at, transitionId);
        var values = new Dictionary<string, AttributeValue> { [":error"] = new() { S = ClipRecordJson.Serialize(error) } };
        return TransitionAsync(clipId, ClipStatus.Failed, entry, "#e = :error", values, cancellationToken);
    }

    public async Task<ClipRecord?> GetAsync(string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        await EnsureTableAsync(cancellationToken);
        var response = await RunAsync(ct => _client.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = Key(clipId), ConsistentRead = true }, ct), cancellationToken);
        return response.Item is { Count: > 0 } item ? DynamoDbClipRecordSchema.FromItem(item) : null;
    }

    public async Task<ClipRecordPage> ListAsync(ClipStatus? status, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        ClipTransitionRules.CheckTop(top);
        var startKey = continuationToken is null ? null : DecodeKey(continuationToken);
        await EnsureTableAsync(cancellationToken);
        List<Dictionary<string, AttributeValue>>? items;
        Dictionary<string, AttributeValue>? lastKey;
        if (status is { } s)
        {
            var response = await RunAsync(ct => _client.QueryAsync(
                new QueryRequest
                {
                    TableName = TableName,
                    IndexName = DynamoDbClipRecordSchema.StatusIndex,
                    KeyConditionExpression = "#s = :s",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "status" },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":s"] = new() { S = s.ToName() } },
                    ScanIndexForward = false,
                    Limit = top,
                    ExclusiveStartKey = startKey,
                },
                ct), cancellationToken);
            (items, lastKey) = (response.Items, response.LastEvaluatedKey);
        }
        else
        {
            var response = await RunAsync(ct => _client.ScanAsync(
                new ScanRequest { TableName = TableName, Limit = top, ExclusiveStartKey = startKey }, ct), cancellationToken);
            (items, lastKey) = (response.Items, response.LastEvaluatedKey);
        }

        var records = (items ?? []).Select(DynamoDbClipRecordSchema.FromItem).ToList();

        // DynamoDB may return a key after a full last page; the next call then answers an empty page with no token.
        var token = lastKey is { Count: > 0 } ? EncodeKey(lastKey) : null;
        return new ClipRecordPage(records, token);
    }

    public void Dispose()
    {
        _tableLock.Dispose();
        _client.Dispose();
    }

    private async Task<RecordWriteResult> TransitionAsync(
        string clipId, ClipStatus to, StatusHistoryEntry entry, string extraSet, Dictionary<string, AttributeValue> extraValues, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var values = new Dictionary<string, AttributeValue>(extraValues)
        {
            [":to"] = new() { S = to.ToName() },
            [":processing"] = new() { S = ClipStatus.Processing.ToName() },
            [":at"] = new() { S = DynamoDbClipRecordSchema.FormatTime(entry.At) },
            [":entry"] = new() { L = [DynamoDbClipRecordSchema.ToAttribute(entry)] },
            [":empty"] = new() { L = [], IsLSet = true },
            [":tid"] = new() { S = entry.TransitionId },
            [":tidSet"] = new() { SS = [entry.TransitionId] },
        };
        // Every attribute goes through a name placeholder: several (status, output, error) are DynamoDB reserved words,
        // and a placeholder that the expressions do not use is itself an error, hence the filter.
        var names = new Dictionary<string, string>
        {
            ["#s"] = "status",
            ["#u"] = "updatedAt",
            ["#h"] = "statusHistory",
            ["#a"] = "appliedTransitions",
            ["#k"] = "clipId",
        };
        foreach (var (placeholder, attribute) in new[] { ("#o", "output"), ("#p", "processingSeconds"), ("#e", "error") })
        {
            if (extraSet.Contains(placeholder, StringComparison.Ordinal))
            {
                names[placeholder] = attribute;
            }
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var response = await RunAsync(ct => _client.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = TableName,
                        Key = Key(clipId),
                        UpdateExpression = $"SET #s = :to, #u = :at, #h = list_append(if_not_exists(#h, :empty), :entry), {extraSet} ADD #a :tidSet",
                        ConditionExpression = "attribute_exists(#k) AND #s = :processing AND NOT contains(#a, :tid)",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = values,
                        ReturnValues = ReturnValue.ALL_NEW,
                    },
                    ct), cancellationToken);
                return new RecordWriteResult(DynamoDbClipRecordSchema.FromItem(response.Attributes), RecordWriteOutcome.Applied);
            }
            catch (ConditionalCheckFailedException)
            {
                var current = await GetAsync(clipId, cancellationToken);
                if (ClipTransitionRules.AfterRefusedTransition(clipId, current, to, entry.TransitionId) is { } verdict)
                {
                    return verdict;
                }
            }
        }

        throw new InvalidOperationException($"Clip '{clipId}': the transition to {to.ToName()} was refused three times while the record stayed processing.");
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _tableReady))
        {
            return;
        }

        await _tableLock.WaitAsync(cancellationToken);
        try
        {
            if (_tableReady)
            {
                return;
            }

            var status = await DescribeStatusAsync(cancellationToken);
            if (status is null)
            {
                if (!_options.CreateTableIfMissing)
                {
                    throw new InvalidOperationException(
                        $"DynamoDB table '{TableName}' does not exist; create it or set {DynamoDbClipRecordStoreOptions.SectionName}:CreateTableIfMissing=true.");
                }

                await CreateTableAsync(cancellationToken);
            }

            // Table creation is asynchronous on DynamoDB: writes fail until the table is ACTIVE.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((status = await DescribeStatusAsync(cancellationToken)) != TableStatus.ACTIVE)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"DynamoDB table '{TableName}' is still {status?.Value ?? "missing"} after 2 minutes.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }

            Volatile.Write(ref _tableReady, true);
        }
        finally
        {
            _tableLock.Release();
        }
    }

    private async Task<TableStatus?> DescribeStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await RunAsync(ct => _client.DescribeTableAsync(new DescribeTableRequest { TableName = TableName }, ct), cancellationToken);
            return response.Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(ct => _client.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = TableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    AttributeDefinitions =
                    [
                        new AttributeDefinition("clipId", ScalarAttributeType.S),
                        new AttributeDefinition("status", ScalarAttributeType.S),
                        new AttributeDefinition("createdAt", ScalarAttributeType.S),
                    ],
                    KeySchema = [new KeySchemaElement("clipId", KeyType.HASH)],
                    GlobalSecondaryIndexes =
                    [
                        new GlobalSecondaryIndex
                        {
                            IndexName = DynamoDbClipRecordSchema.StatusIndex,
                            KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("createdAt", KeyType.RANGE)],
                            Projection = new Projection { ProjectionType = ProjectionType.ALL },
                        },
                    ],
                },
                ct), cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process created it between our describe and create: that is the outcome we wanted.
            return;
        }
    }

    private Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        => _pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken).AsTask();

    private static Dictionary<string, AttributeValue> Key(string clipId) => new() { ["clipId"] = new() { S = clipId } };

    private static string EncodeKey(Dictionary<string, AttributeValue> key)
        => ListingToken.Encode(ClipRecordJson.Serialize(key.ToDictionary(p => p.Key, p => p.Value.S, StringComparer.Ordinal)));

    private static Dictionary<string, AttributeValue> DecodeKey(string token)
    {
        var payload = ListingToken.Decode(token);
        Dictionary<string, string>? key;
        try
        {
            key = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(payload, ClipRecordJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            key = null;
        }

        if (key is null || !key.ContainsKey("clipId"))
        {
            throw new ArgumentException($"'{token}' is not a continuation token issued by this store.", nameof(token));
        }

        return key.ToDictionary(p => p.Key, p => new AttributeValue { S = p.Value }, StringComparer.Ordinal);
    }
}
