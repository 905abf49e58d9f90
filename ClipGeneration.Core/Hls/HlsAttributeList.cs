namespace ClipGeneration.Core.Hls;

/// <summary>
/// Parses an RFC 8216 attribute list (<c>NAME=value,NAME="quoted, with commas"</c>, section 4.2) by hand:
/// linear time, no regex on user data.
/// </summary>
/// <remarks>Bad input (a name without '=', an unterminated quote, a repeated name) throws <see cref="FormatException"/>.</remarks>
internal static class HlsAttributeList
{
    public static Dictionary<string, string> Parse(ReadOnlySpan<char> text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var equals = text[i..].IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"attribute '{text[i..].ToString()}' has no '=value'");
            }

            var name = text.Slice(i, equals).Trim().ToString();
            i += equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text[(i + 1)..].IndexOf('"');
                if (close < 0)
                {
                    throw new FormatException($"attribute {name} has an unterminated quoted string");
                }

                value = text.Slice(i + 1, close).ToString();
                i += close + 2;
                if (i < text.Length && text[i] != ',')
                {
                    throw new FormatException($"attribute {name} has text after its closing quote");
                }
            }
            else
            {
                var comma = text[i..].IndexOf(',');
                var end = comma < 0 ? text.Length : i + comma;
                value = text[i..end].Trim().ToString();
                i = end;
            }

            if (!attributes.TryAdd(name, value))
            {
                throw new FormatException($"attribute {name} appears twice");
            }

            // i is at the separating comma or at the end.
            i++;
        }

        return attributes;
    }
}
