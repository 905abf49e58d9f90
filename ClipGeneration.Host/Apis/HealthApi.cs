using System.Text.Json.Nodes;
using ClipGeneration.Host.Configuration;

namespace ClipGeneration.Host.Apis;

/// <summary><c>GET /health</c>: open (no key), says the host is up and which stores it uses.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ClipHostSettings settings) => TypedResults.Ok(new JsonObject
        {
            ["status"] = "healthy",
            ["hub"] = settings.HubName,
            ["mediaStore"] = settings.MediaStore.ToString(),
            ["recordStore"] = settings.RecordStore.ToString(),
        }));
        return app;
    }
}
