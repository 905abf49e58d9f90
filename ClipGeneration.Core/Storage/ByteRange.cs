namespace ClipGeneration.Core.Storage;

/// <summary>A byte range of an object: <see cref="Length"/> bytes starting at <see cref="Offset"/>.</summary>
public readonly record struct ByteRange(long Offset, long Length)
{
    public long EndExclusive => Offset + Length;

    public override string ToString() => $"{Length}@{Offset}";
}
