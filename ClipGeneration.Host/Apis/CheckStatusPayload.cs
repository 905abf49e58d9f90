namespace ClipGeneration.Host.Apis;

/// <summary>
/// Durable Functions' check-status payload (what <c>CreateCheckStatusResponse</c> returns): where to poll, raise events,
/// terminate and purge the instance.
/// </summary>
/// <remarks>
/// URIs are absolute, built from the request's scheme and host; unlike Durable they carry no key (send the same
/// <c>x-functions-key</c> header or add <c>code=</c> yourself), so a logged URI never leaks a key.
/// </remarks>
public sealed record CheckStatusPayload(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri, string PurgeHistoryDeleteUri)
{
    public static CheckStatusPayload For(HttpRequest request, string instanceId, string hubName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = $"{request.Scheme}://{request.Host}{DurableManagementApi.Prefix}/instances/{Uri.EscapeDataString(instanceId)}";
        var hub = "taskHub=" + Uri.EscapeDataString(hubName);
        return new CheckStatusPayload(
            instanceId,
            $"{instance}?{hub}",
            $"{instance}/raiseEvent/{{eventName}}?{hub}",
            $"{instance}/terminate?reason={{text}}&{hub}",
            $"{instance}?{hub}");
    }
}
