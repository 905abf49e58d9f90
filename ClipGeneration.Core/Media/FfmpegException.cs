using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Media;

/// <summary>Why an ffmpeg or ffprobe run failed.</summary>
public enum FfmpegFailureKind
{
    /// <summary>The process exited with a non-zero code (or produced no output file).</summary>
    Failed,

    /// <summary>The process ran longer than <see cref="FfmpegOptions.Timeout"/> and was killed.</summary>
    TimedOut,

    /// <summary>The process was killed from outside (a signal) before it finished.</summary>
    Killed,

    /// <summary>ffmpeg rejected its input: corrupt or unsupported media. Retrying cannot help.</summary>
    InvalidInput,
}

/// <summary>
/// An ffmpeg or ffprobe run failed. This base type is retryable (killed, timed out, I/O); the non-retryable
/// case is <see cref="FfmpegInvalidInputException"/>.
/// </summary>
public class FfmpegException : Exception
{
    public FfmpegException(string message, FfmpegFailureKind kind, string commandLine, int? exitCode, string stderrTail)
        : base(message)
    {
        Kind = kind;
        CommandLine = commandLine;
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    public FfmpegFailureKind Kind { get; }

    /// <summary>Gets the command line as it would be typed (arguments quoted where needed), for logs and bug reports.</summary>
    public string CommandLine { get; }

    /// <summary>Gets the exit code, or null when the process was killed before it exited on its own.</summary>
    public int? ExitCode { get; }

    /// <summary>Gets the last lines ffmpeg wrote to stderr.</summary>
    public string StderrTail { get; }
}

/// <summary>ffmpeg could not read its input: corrupt data, an unsupported codec, a truncated file. Not retryable.</summary>
public sealed class FfmpegInvalidInputException : FfmpegException, INonRetryableFailure
{
    public FfmpegInvalidInputException(string message, string commandLine, int? exitCode, string stderrTail)
        : base(message, FfmpegFailureKind.InvalidInput, commandLine, exitCode, stderrTail)
    {
    }
}

/// <summary>The ffmpeg or ffprobe executable cannot be found or started. Not retryable: the machine needs fixing.</summary>
public sealed class FfmpegNotFoundException : Exception, INonRetryableFailure
{
    public FfmpegNotFoundException(string tool, string configuredPath, Exception? inner)
        : base(
            $"{tool} was not found (configured as '{configuredPath}'). Install it with `apt-get install ffmpeg`, " +
            $"or set the setting {FfmpegOptions.SectionName}:{(tool == "ffprobe" ? "FfprobePath" : "Path")} to the executable.",
            inner)
    {
        Tool = tool;
    }

    public string Tool { get; }
}
