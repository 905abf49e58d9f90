using System.Globalization;
using System.Text;
using ClipGeneration.Core.Planning;

namespace ClipGeneration.Host.Cli;

/// <summary>Writes a <see cref="ClipPlan"/> as a plain-text table for people: one block per range, one line per chunk.</summary>
public static class PlanTable
{
    public static string Write(ClipPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"manifest: {plan.Manifest}\n");
        foreach (var range in plan.Ranges)
        {
            var media = range.Pieces.Sum(p => p.Duration);
            text.Append(CultureInfo.InvariantCulture,
                $"\nrange {range.Index}: {S(range.Start)}-{S(range.End)} s, {S(media)} s of media, {range.Pieces.Count} piece(s)\n");
            for (var p = 0; p < range.Pieces.Count; p++)
            {
                var piece = range.Pieces[p];
                text.Append(CultureInfo.InvariantCulture,
                    $"  piece {p}: from {S(piece.StartOffset)} s into its first chunk, {S(piece.Duration)} s\n");
                text.Append("    seq       start    duration  chunk\n");
                foreach (var chunk in piece.Chunks)
                {
                    var range2 = chunk.ByteRange is { } br ? $" [{br}]" : string.Empty;
                    text.Append(CultureInfo.InvariantCulture,
                        $"    {chunk.SequenceNumber,-8}  {S(chunk.StartOffset),7}  {S(chunk.Duration),8}  {chunk.Uri}{range2}\n");
                }
            }
        }

        return text.ToString();
    }

    private static string S(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
