namespace ClipGeneration.Durable.Serialization;

/// <summary>A payload bigger than the engine's limit: results travel through database rows, so pass keys, not bytes.</summary>
public sealed class PayloadTooLargeException : Exception, ClipGeneration.Core.Orchestration.INonRetryableFailure
{
    public PayloadTooLargeException(string what, int actualBytes, int limitBytes)
        : base($"{what} is {actualBytes} bytes, over the engine's limit of {limitBytes} bytes (MaxPayloadBytes). " +
               "Payloads are stored in the engine's database: store large data elsewhere and pass references (keys), not bytes.")
    {
        What = what;
        ActualBytes = actualBytes;
        LimitBytes = limitBytes;
    }

    public string What { get; }

    public int ActualBytes { get; }

    public int LimitBytes { get; }
}
