using ClipGeneration.Core.Orchestration;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Media;

/// <summary>A chunk is encrypted and its key cannot be used: missing from the store, of an unsupported method, or wrong.</summary>
public sealed class MediaKeyUnavailableException : Exception, INonRetryableFailure
{
    public MediaKeyUnavailableException(MediaLocation chunk, MediaLocation key, string reason, Exception? inner)
        : base($"Cannot decrypt chunk '{chunk}': {reason} (key '{key}').", inner)
    {
        Chunk = chunk;
        Key = key;
    }

    public MediaLocation Chunk { get; }

    public MediaLocation Key { get; }
}
