using ClipGeneration.Core.Orchestration;
using ClipGeneration.Durable.Client;
using ClipGeneration.Durable.Hosting;

namespace ClipGeneration.Durable.Testing;

/// <summary>
/// A started engine on a fresh temporary SQLite file, for tests: like durabletask-dotnet's <c>DurableTaskTestHost</c>.
/// </summary>
/// <example>
/// <code>
/// await using var host = await DurableTestHost.StartAsync(r => r.AddOrchestrator("Hello", () => new Hello()));
/// var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Hello", "world");
/// var done = await host.Client.WaitForInstanceCompletionAsync(id);
/// </code>
/// </example>
/// <remarks>
/// Defaults tuned for tests: 50 ms poll interval, and extended sessions off, so every turn replays the orchestrator
/// from history and non-deterministic orchestrator code fails in tests. The file (and its WAL) is deleted on dispose.
/// </remarks>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly string _directory;

    private DurableTestHost(DurableEngine engine, string directory)
    {
        Engine = engine;
        _directory = directory;
    }

    public DurableEngine Engine { get; }

    public DurableClient Client => Engine.Client;

    public string DatabasePath => Engine.DatabasePath;

    /// <summary>Creates the registry, the options (temp database, short poll), lets the caller adjust both, and starts the engine.</summary>
    public static async Task<DurableTestHost> StartAsync(Action<OrchestrationRegistry> register, Action<DurableEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var registry = new OrchestrationRegistry();
        register(registry);
        var directory = Path.Combine(Path.GetTempPath(), "durable-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DurableEngineOptions
        {
            DatabasePath = Path.Combine(directory, "hub.db"),
            PollInterval = TimeSpan.FromMilliseconds(50),
            ExtendedSessionsEnabled = false,
        };
        configure?.Invoke(options);
        var engine = new DurableEngine(registry, options);
        await engine.StartAsync();
        return new DurableTestHost(engine, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by another process only leaves a temp folder behind; the test result stands.
        }
    }
}
