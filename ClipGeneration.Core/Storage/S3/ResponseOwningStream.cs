namespace ClipGeneration.Core.Storage.S3;

/// <summary>A read-only stream over an HTTP response body that disposes the response with it.</summary>
internal sealed class ResponseOwningStream : Stream
{
    private readonly Stream _inner;
    private readonly IDisposable _owner;

    public ResponseOwningStream(Stream inner, IDisposable owner, long length)
    {
        _inner = inner;
        _owner = owner;
        Length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => throw new NotSupportedException("an S3 response stream is read forward only");
        set => throw new NotSupportedException("an S3 response stream is read forward only");
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
        // Read-only: nothing to flush.
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("an S3 response stream is read forward only");

    public override void SetLength(long value) => throw new NotSupportedException("an S3 response stream is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("an S3 response stream is read-only");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _owner.Dispose();
        }

        base.Dispose(disposing);
    }
}
