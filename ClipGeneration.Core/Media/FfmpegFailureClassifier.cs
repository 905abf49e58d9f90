namespace ClipGeneration.Core.Media;

/// <summary>Decides from ffmpeg's stderr whether a failed run is worth retrying. Pure.</summary>
/// <remarks>
/// Messages that mean the input itself is bad (corrupt, truncated, unsupported) are not retryable; everything
/// else (I/O errors, out of memory, unknown messages) is treated as transient, because retrying a transient
/// failure wastes a little time while giving up on it loses a clip.
/// </remarks>
public static class FfmpegFailureClassifier
{
    private static readonly string[] InvalidInputMarkers =
    [
        "Invalid data found when processing input",
        "moov atom not found",
        "could not find codec parameters",
        "Unsupported codec",
        "unsupported codec",
        "Decoder not found",
        "Unknown decoder",
        "Unknown encoder",
        "Encoder not found",
        "does not contain any stream",
        "matches no streams",
        "Protocol not on whitelist",
        "not on whitelist",
        "Invalid NAL unit",
        "Error splitting the input into NAL units",
        "no frame!",
        "Unrecognized option",
        "Option not found",
        "Error parsing options",
        "Invalid argument",
        "Unsafe file name",
        "Error while opening encoder",
    ];

    /// <summary>True when stderr shows that the input (or the command) is bad, so a retry would fail the same way.</summary>
    public static bool IsInvalidInput(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (var marker in InvalidInputMarkers)
        {
            if (stderr.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
