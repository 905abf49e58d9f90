using System.Globalization;
using ClipGeneration.Core.Hls;
using ClipGeneration.Core.Planning;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Tests.Media;

/// <summary>
/// Reads the few playlist lines ffmpeg's hls muxer writes into <see cref="PlannedChunk"/>s, so media tests need not
/// wait for the real playlist parser; and builds range plans over them.
/// </summary>
internal static class TestPlaylist
{
    public static IReadOnlyList<PlannedChunk> ReadChunks(string playlistPath)
    {
        var location = MediaLocation.Local(playlistPath);
        var chunks = new List<PlannedChunk>();
        double duration = 0, offset = 0;
        long sequence = 0, nextByte = 0;
        ByteRange? byteRange = null;
        HlsInitSection? init = null;
        HlsKey? key = null;
        foreach (var raw in File.ReadAllLines(playlistPath))
        {
            var line = raw.Trim();
            if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))
            {
                sequence = long.Parse(line[22..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                duration = double.Parse(line[8..].TrimEnd(','), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("#EXT-X-BYTERANGE:", StringComparison.Ordinal))
            {
                var parts = line[17..].Split('@');
                var length = long.Parse(parts[0], CultureInfo.InvariantCulture);
                var start = parts.Length > 1 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : nextByte;
                byteRange = new ByteRange(start, length);
                nextByte = start + length;
            }
            else if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                init = new HlsInitSection(location.Resolve(Attribute(line, "URI")!), null);
            }
            else if (line.StartsWith("#EXT-X-KEY:", StringComparison.Ordinal))
            {
                key = Attribute(line, "METHOD") == "NONE" ? null : new HlsKey(Attribute(line, "METHOD")!, location.Resolve(Attribute(line, "URI")!), Attribute(line, "IV"), null);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                chunks.Add(new PlannedChunk(location.Resolve(line), offset, duration, sequence++, byteRange, init, key));
                offset += duration;
                byteRange = null;
            }
        }

        return chunks;
    }

    /// <summary>A one-piece plan for [start, end) over the chunks that overlap it.</summary>
    public static RangePlan Plan(IReadOnlyList<PlannedChunk> chunks, int index, double start, double end) =>
        new(index, start, end, [Piece(chunks, start, end)]);

    public static PlannedPiece Piece(IReadOnlyList<PlannedChunk> chunks, double start, double end)
    {
        var used = chunks.Where(c => c.StartOffset + c.Duration > start && c.StartOffset < end).ToList();
        return new PlannedPiece(used, start - used[0].StartOffset, end - start);
    }

    private static string? Attribute(string line, string name)
    {
        var at = line.IndexOf(name + "=", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = line[(at + name.Length + 1)..];
        if (value.StartsWith('"'))
        {
            return value[1..value.IndexOf('"', 1)];
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? value : value[..comma];
    }
}
