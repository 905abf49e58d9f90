using System.Text;
using System.Text.Json;
using ClipGeneration.Core.Planning;

namespace ClipGeneration.Host.Cli;

/// <summary>
/// Writes a <see cref="ClipPlan"/> in the contract's JSON shape:
/// <c>{"ranges":[{"chunks":[uri,...],"startOffset":s,"duration":s, ...}]}</c>, the three contract fields first.
/// </summary>
/// <remarks>
/// Per range, <c>chunks</c> lists every chunk of every piece in order (gap chunks left out), <c>startOffset</c> is
/// the offset into the first chunk, and <c>duration</c> is the media the range yields (the sum of its pieces; less
/// than end - start only when gaps are skipped). Extra fields: index, start, end, pieces (each with its chunks'
/// details: byte range, init section, key).
/// </remarks>
public static class PlanJson
{
    public static string Write(ClipPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ranges");
            foreach (var range in plan.Ranges)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("chunks");
                foreach (var piece in range.Pieces)
                {
                    foreach (var chunk in piece.Chunks)
                    {
                        writer.WriteStringValue(chunk.Uri.ToString());
                    }
                }

                writer.WriteEndArray();
                writer.WriteNumber("startOffset", Round(range.Pieces[0].StartOffset));
                writer.WriteNumber("duration", Round(range.Pieces.Sum(p => p.Duration)));
                writer.WriteNumber("index", range.Index);
                writer.WriteNumber("start", Round(range.Start));
                writer.WriteNumber("end", Round(range.End));
                writer.WriteStartArray("pieces");
                foreach (var piece in range.Pieces)
                {
                    WritePiece(writer, piece);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("manifest", plan.Manifest.ToString());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePiece(Utf8JsonWriter writer, PlannedPiece piece)
    {
        writer.WriteStartObject();
        writer.WriteNumber("startOffset", Round(piece.StartOffset));
        writer.WriteNumber("duration", Round(piece.Duration));
        writer.WriteStartArray("chunks");
        foreach (var chunk in piece.Chunks)
        {
            writer.WriteStartObject();
            writer.WriteString("uri", chunk.Uri.ToString());
            writer.WriteNumber("sequenceNumber", chunk.SequenceNumber);
            writer.WriteNumber("start", Round(chunk.StartOffset));
            writer.WriteNumber("duration", Round(chunk.Duration));
            if (chunk.ByteRange is { } range)
            {
                writer.WriteString("byteRange", range.ToString());
            }

            if (chunk.InitSection is { } init)
            {
                writer.WriteString("initSection", init.Uri.ToString());
                if (init.ByteRange is { } initRange)
                {
                    writer.WriteString("initSectionByteRange", initRange.ToString());
                }
            }

            if (chunk.Key is { } key)
            {
                writer.WriteString("keyMethod", key.Method);
                writer.WriteString("keyUri", key.Uri.ToString());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Microseconds are far below a frame; rounding keeps the output free of binary-float noise (29.499999999999996).
    private static double Round(double seconds) => Math.Round(seconds, 6);
}
