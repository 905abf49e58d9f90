using System.Globalization;
using System.Text;
using ClipGeneration.Durable.Client;

namespace ClipGeneration.Durable.Persistence;

/// <summary>Instance queries: filters, keyset paging ordered by (created time, instance id).</summary>
internal sealed partial class DurableStore
{
    public const int MaxPageSize = 1000;

    /// <summary>One page of instances matching <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">Page size outside 1..1000, or a continuation token this engine did not issue.</exception>
    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"PageSize must be between 1 and {MaxPageSize}; it was {query.PageSize}.", nameof(query));
        }

        var after = query.ContinuationToken is null ? ((long, string)?)null : DecodeToken(query.ContinuationToken);
        var sql = new StringBuilder($"SELECT {InstanceColumns} FROM instances WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (query.RuntimeStatus is { Count: > 0 } statuses)
        {
            var names = statuses.Select((status, index) => ($"$s{index}", (object?)status.ToString())).ToList();
            sql.Append(CultureInfo.InvariantCulture, $" AND status IN ({string.Join(", ", names.Select(n => n.Item1))})");
            parameters.AddRange(names);
        }

        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at >= $from");
            parameters.Add(("$from", ToMs(from)));
        }

        if (query.CreatedTo is { } to)
        {
            sql.Append(" AND created_at <= $to");
            parameters.Add(("$to", ToMs(to)));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // substr comparison instead of LIKE: ids may contain % and _.
            sql.Append(" AND substr(instance_id, 1, $prefixLength) = $prefix");
            parameters.Add(("$prefixLength", query.InstanceIdPrefix.Length));
            parameters.Add(("$prefix", query.InstanceIdPrefix));
        }

        if (after is { } position)
        {
            sql.Append(" AND (created_at > $afterTime OR (created_at = $afterTime AND instance_id > $afterId))");
            parameters.Add(("$afterTime", position.Item1));
            parameters.Add(("$afterId", position.Item2));
        }

        sql.Append(" ORDER BY created_at, instance_id LIMIT $limit");
        parameters.Add(("$limit", query.PageSize + 1));
        var text = sql.ToString();
        return Database.ReadAsync(
            db =>
            {
                var rows = db.Query(text, reader => ReadMetadata(reader, query.FetchInputsAndOutputs), [.. parameters]);
                if (rows.Count <= query.PageSize)
                {
                    return new InstancePage(rows, null);
                }

                rows.RemoveAt(rows.Count - 1);
                var last = rows[^1];
                return new InstancePage(rows, EncodeToken(ToMs(last.CreatedAt), last.InstanceId));
            },
            cancellationToken);
    }

    private static string EncodeToken(long createdMs, string instanceId)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{createdMs}|{instanceId}"));

    private static (long, string) DecodeToken(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 3);
            if (parts.Length == 3 && parts[0] == "v1" && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var created))
            {
                return (created, parts[2]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the one error message below.
        }

        throw new ArgumentException($"Continuation token '{token}' was not issued by this engine's QueryInstancesAsync.", nameof(token));
    }
}
