using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ClipGeneration.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipGeneration.Core.Media;

/// <summary>
/// Runs ffmpeg and ffprobe: arguments only through <see cref="ProcessStartInfo.ArgumentList"/> (never a shell),
/// stdout and stderr read concurrently, a timeout and cancellation that kill the whole process tree and wait for it.
/// </summary>
/// <remarks>
/// Failures throw <see cref="FfmpegException"/> (retryable: killed, timed out, I/O) or
/// <see cref="FfmpegInvalidInputException"/> (not retryable: the input is bad), each with the command line, the exit
/// code and the tail of stderr. Cancellation throws <see cref="OperationCanceledException"/> after the process is gone.
/// A missing executable throws <see cref="FfmpegNotFoundException"/> with how to install or configure it.
/// </remarks>
public sealed class FfmpegProcessRunner
{
    private const int StderrTailLines = 20;
    private readonly FfmpegOptions _options;
    private readonly ILogger _logger;

    public FfmpegProcessRunner(FfmpegOptions options, ILogger<FfmpegProcessRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public FfmpegOptions Options => _options;

    /// <summary>Called with the process id right after each ffmpeg/ffprobe process starts (diagnostics and tests).</summary>
    public Action<int>? ProcessStarted { get; set; }

    /// <summary>
    /// Runs ffmpeg with <paramref name="arguments"/> (the runner adds <c>-hide_banner -nostdin -y -v error
    /// -progress pipe:1 -nostats</c> in front). Succeeds only when ffmpeg exits with 0 and, when
    /// <paramref name="outputPath"/> is given, that file exists and is not empty.
    /// </summary>
    public async Task RunFfmpegAsync(
        IReadOnlyList<string> arguments,
        string? outputPath,
        TimeSpan? totalDuration,
        IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] fullArguments = ["-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", .. arguments];
        var parser = new FfmpegProgressParser(totalDuration);
        var result = await RunAsync("ffmpeg", _options.Path, fullArguments, line =>
        {
            if (parser.ReadLine(line) is { } report)
            {
                progress?.Report(report);
            }
        }, cancellationToken);

        if (outputPath is not null)
        {
            var info = new FileInfo(outputPath);
            if (!info.Exists || info.Length == 0)
            {
                throw new FfmpegException(
                    $"ffmpeg exited with 0 but wrote no output to '{outputPath}'.",
                    FfmpegFailureKind.Failed,
                    result.CommandLine,
                    0,
                    result.StderrTail);
            }
        }
    }

    /// <summary>Runs ffprobe with <paramref name="arguments"/> (the runner adds <c>-hide_banner -v error</c>) and returns its stdout.</summary>
    public async Task<string> RunFfprobeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] fullArguments = ["-hide_banner", "-v", "error", .. arguments];
        var stdout = new StringBuilder();
        await RunAsync("ffprobe", _options.FfprobePath, fullArguments, line => stdout.Append(line).Append('\n'), cancellationToken);
        return stdout.ToString();
    }

    private async Task<RunResult> RunAsync(
        string tool,
        string executable,
        IReadOnlyList<string> arguments,
        Action<string> onStdoutLine,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(ResolveExecutable(tool, executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = FormatCommandLine(startInfo.FileName, arguments);

        // One span per run (a child of the activity's span) and one ffmpeg.duration measurement, failed runs included.
        using var span = ClipTelemetry.Source.StartActivity(tool, ActivityKind.Internal);
        span?.SetTag("process.executable.name", tool);
        var measured = Stopwatch.StartNew();
        try
        {
            return await RunProcessAsync(tool, executable, startInfo, commandLine, onStdoutLine, cancellationToken);
        }
        catch (Exception failure)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw;
        }
        finally
        {
            ClipTelemetry.FfmpegDuration.Record(measured.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("ffmpeg.tool", tool));
        }
    }

    private async Task<RunResult> RunProcessAsync(
        string tool, string executable, ProcessStartInfo startInfo, string commandLine, Action<string> onStdoutLine, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new FfmpegNotFoundException(tool, executable, ex);
        }

        var stopwatch = Stopwatch.StartNew();
        _logger.LogDebug("Started {Tool} (pid {Pid}): {CommandLine}", tool, process.Id, commandLine);
        ProcessStarted?.Invoke(process.Id);

        var stderrTail = new Queue<string>();
        var stdoutTask = PumpAsync(process.StandardOutput, onStdoutLine);
        var stderrTask = PumpAsync(process.StandardError, line =>
        {
            lock (stderrTail)
            {
                stderrTail.Enqueue(line);
                if (stderrTail.Count > StderrTailLines)
                {
                    stderrTail.Dequeue();
                }
            }
        });

        using var timeout = new CancellationTokenSource(_options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stopped = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            stopped = true;
            KillTree(process);

            // Wait without the (already cancelled) token: the caller must never see a live process after we return.
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAll(stdoutTask, stderrTask);
        string tail;
        lock (stderrTail)
        {
            tail = string.Join('\n', stderrTail);
        }

        _logger.LogDebug("{Tool} (pid {Pid}) ended after {Elapsed} ms", tool, process.Id, stopwatch.ElapsedMilliseconds);
        if (stopped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new FfmpegException(
                $"{tool} timed out after {_options.Timeout} and was killed.",
                FfmpegFailureKind.TimedOut,
                commandLine,
                null,
                tail);
        }

        var exitCode = process.ExitCode;
        if (exitCode != 0)
        {
            throw CreateFailure(tool, commandLine, exitCode, tail);
        }

        return new RunResult(commandLine, tail);
    }

    private static FfmpegException CreateFailure(string tool, string commandLine, int exitCode, string tail)
    {
        var lastLine = tail.Length == 0 ? "(no message)" : tail[(tail.LastIndexOf('\n') + 1)..];
        if (FfmpegFailureClassifier.IsInvalidInput(tail))
        {
            return new FfmpegInvalidInputException($"{tool} rejected its input (exit code {exitCode}): {lastLine}", commandLine, exitCode, tail);
        }

        // Exit codes above 128 are "killed by signal N" (255 is ffmpeg's own code after SIGTERM/SIGINT).
        var kind = exitCode > 128 || exitCode < 0 ? FfmpegFailureKind.Killed : FfmpegFailureKind.Failed;
        return new FfmpegException($"{tool} failed (exit code {exitCode}): {lastLine}", kind, commandLine, exitCode, tail);
    }

    private void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException ex)
        {
            // The process exited between the cancellation and the kill: nothing left to stop.
            _logger.LogDebug(ex, "Process {Pid} had already exited when it was to be killed", process.Id);
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    /// <summary>Finds <paramref name="executable"/>: a path is used as given, a bare name is looked up on PATH.</summary>
    private static string ResolveExecutable(string tool, string executable)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable : throw new FfmpegNotFoundException(tool, executable, null);
        }

        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in pathVariable.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FfmpegNotFoundException(tool, executable, null);
    }

    /// <summary>The command line as a POSIX shell would need it typed: for messages only, never executed.</summary>
    public static string FormatCommandLine(string executable, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = new StringBuilder(Quote(executable));
        foreach (var argument in arguments)
        {
            builder.Append(' ').Append(Quote(argument));
        }

        return builder.ToString();
    }

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '+' or '%'))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private sealed record RunResult(string CommandLine, string StderrTail);
}
