using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace ClipGeneration.Core.Aws;

/// <summary>Decides whether a failed AWS call is worth another attempt.</summary>
/// <remarks>
/// Transient: throttling (429, SlowDown, Throttling*, ProvisionedThroughputExceeded, RequestLimitExceeded),
/// any 5xx, and network faults (connection resets, I/O errors, timeouts). Everything else (400, 403, 404,
/// conditional-check failures) is the caller's problem and is not retried.
/// </remarks>
public static class AwsTransientFaults
{
    private static readonly HashSet<string> TransientErrorCodes = new(StringComparer.Ordinal)
    {
        "SlowDown",
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestThrottledException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
    };

    /// <summary>True when another attempt may succeed.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="callerCancellation">The caller's token: a cancellation the caller asked for is never retried.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerCancellation)
    {
        switch (exception)
        {
            case OperationCanceledException:
                // A timeout inside the SDK's HttpClient surfaces as a cancellation the caller did not ask for.
                return !callerCancellation.IsCancellationRequested;
            case AmazonServiceException service when service.StatusCode == HttpStatusCode.TooManyRequests
                || (int)service.StatusCode >= 500
                || (service.ErrorCode is { } code && TransientErrorCodes.Contains(code)):
                return true;
            case HttpRequestException or IOException or SocketException or TimeoutException:
                return true;
            case AmazonClientException or AmazonServiceException when exception.InnerException is { } inner:
                return IsTransient(inner, callerCancellation);
            default:
                return false;
        }
    }
}
