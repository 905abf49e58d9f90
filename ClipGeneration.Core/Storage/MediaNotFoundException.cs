using ClipGeneration.Core.Orchestration;

namespace ClipGeneration.Core.Storage;

/// <summary>No object exists at a location. Not retryable: the object will not appear by asking again.</summary>
public sealed class MediaNotFoundException : Exception, INonRetryableFailure
{
    public MediaNotFoundException(MediaLocation location)
        : base($"No media object at '{location}'.")
    {
        Location = location;
    }

    public MediaLocation Location { get; }
}
