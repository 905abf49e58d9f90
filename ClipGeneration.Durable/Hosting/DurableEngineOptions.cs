using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipGeneration.Durable.Hosting;

/// <summary>Settings of the embedded engine; names follow host.json's <c>extensions.durableTask</c> where Durable has the same knob.</summary>
/// <remarks>Defaults are stated per property. <see cref="Validate"/> checks them all and throws one error listing every problem.</remarks>
public sealed class DurableEngineOptions
{
    /// <summary>Gets or sets the SQLite file holding the hub (created when absent). Default <c>durable.db</c> in the working directory.</summary>
    public string DatabasePath { get; set; } = "durable.db";

    /// <summary>Gets or sets the task hub name (host.json <c>hubName</c>); a database file holds exactly one hub. Default <c>ClipGeneration</c>.</summary>
    public string HubName { get; set; } = "ClipGeneration";

    /// <summary>Gets or sets how many activities run at once in this process (host.json <c>maxConcurrentActivityFunctions</c>). Default 10.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>Gets or sets how many orchestration turns run at once (host.json <c>maxConcurrentOrchestratorFunctions</c>). Default 10.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    /// <summary>Gets or sets how long a leased activity or instance lock lasts without renewal. Default 1 minute.</summary>
    /// <remarks>
    /// Running activities renew their lease every third of this, so only a dead worker's items move to another worker,
    /// after at most this long. Shorter means faster recovery after a crash, more renewal writes.
    /// </remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often the engine looks for work written by other processes (host.json <c>storageProvider.maxQueuePollingInterval</c>). Default 1 second.</summary>
    /// <remarks>Work created in this process wakes the engine at once; this wall-clock poll only covers other processes and expired leases.</remarks>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest JSON payload (input, output, result, event, custom status) in UTF-8 bytes. Default 256 KiB.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets a value indicating whether scheduling an id whose instance is completed, failed or terminated starts it again.</summary>
    /// <remarks>
    /// Default false: the existing instance is returned and nothing starts ("never a second orchestration for the same clip id").
    /// Durable's own default allows the restart (host.json <c>overridableExistingInstanceStates: NonRunningStates</c>).
    /// </remarks>
    public bool RestartTerminalInstances { get; set; }

    /// <summary>Gets or sets a value indicating whether a running orchestrator stays in memory between turns (host.json <c>extendedSessionsEnabled</c>). Default true.</summary>
    /// <remarks>
    /// When on, a turn applies only its new events to the suspended orchestrator instead of replaying the whole history:
    /// long sequences stay linear. Replay still happens after a restart, an eviction, or when another process advanced
    /// the instance. When off, every turn replays from history (what <see cref="Testing.DurableTestHost"/> does, so tests
    /// catch non-deterministic orchestrator code).
    /// </remarks>
    public bool ExtendedSessionsEnabled { get; set; } = true;

    /// <summary>Gets or sets the clock for every engine time: turn timestamps, timers, leases. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Gets or sets the services handed to the registry's orchestrator and activity factories. Default: an empty provider.</summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>Gets or sets who hears about activity starts, ends, retries and instance completions (metrics). Default: nobody.</summary>
    public IDurableObserver? Observer { get; set; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">One message listing every invalid setting.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            problems.Add("DatabasePath is empty");
        }

        if (string.IsNullOrWhiteSpace(HubName))
        {
            problems.Add("HubName is empty");
        }

        if (MaxConcurrentActivityFunctions < 1)
        {
            problems.Add($"MaxConcurrentActivityFunctions must be >= 1 (was {MaxConcurrentActivityFunctions})");
        }

        if (MaxConcurrentOrchestratorFunctions < 1)
        {
            problems.Add($"MaxConcurrentOrchestratorFunctions must be >= 1 (was {MaxConcurrentOrchestratorFunctions})");
        }

        if (LeaseDuration < TimeSpan.FromMilliseconds(100))
        {
            problems.Add($"LeaseDuration must be >= 100 ms (was {LeaseDuration})");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"PollInterval must be positive (was {PollInterval})");
        }

        if (MaxPayloadBytes < 1024)
        {
            problems.Add($"MaxPayloadBytes must be >= 1024 (was {MaxPayloadBytes})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid durable engine options: " + string.Join("; ", problems) + ".");
        }
    }
}
