using System.Globalization;
using ClipGeneration.Core.Storage;

namespace ClipGeneration.Core.Hls;

/// <summary>
/// Parses HLS playlist text (RFC 8216) into an <see cref="HlsMediaPlaylist"/> or an <see cref="HlsMasterPlaylist"/>.
/// Pure: no I/O; the caller reads the text (see <see cref="PlaylistLoader"/>).
/// </summary>
/// <remarks>
/// <para>Timing: EXTINF durations are summed as <see cref="decimal"/> so 14,400 chunks of 6.006 s end exactly where
/// the playlist says. EXT-X-PROGRAM-DATE-TIME applies to the next chunk and is extrapolated over the following ones
/// (anchor + decimal offset since the anchor) until the next PROGRAM-DATE-TIME.</para>
/// <para>Bad input throws <see cref="HlsParseException"/> with the line number and tag: no #EXTM3U, a malformed tag
/// value, a negative/NaN duration, an EXTINF over <see cref="HlsParserOptions.MaxChunkSeconds"/> or over
/// <see cref="HlsParserOptions.MaxChunkToTargetRatio"/> x TARGETDURATION, a playlist over the size or line limit,
/// a URI that leaves the root or uses a refused scheme (see <see cref="HlsUriResolver"/>). Unknown tags are kept
/// (<see cref="HlsUnknownTag"/>), never fatal; lines starting with '#' but not '#EXT' are comments.
/// A media playlist without EXT-X-TARGETDURATION gets the longest chunk, rounded up, as its target.</para>
/// </remarks>
public static class HlsPlaylistParser
{
    /// <summary>Parses a playlist whose root is its own folder.</summary>
    public static HlsPlaylist Parse(string text, MediaLocation location, HlsParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Parse(text, location, location.Folder, options);
    }

    /// <summary>Parses a playlist whose URIs must stay within <paramref name="root"/> (e.g. a master playlist's folder).</summary>
    public static HlsPlaylist Parse(string text, MediaLocation location, MediaLocation root, HlsParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(root);
        options ??= HlsParserOptions.Default;
        if (text.Length > options.MaxBytes)
        {
            throw new HlsParseException(0, null, $"the playlist is {text.Length} characters, over the limit of {options.MaxBytes}");
        }

        return new State(location, new HlsUriResolver(location, root, options), options).Run(text);
    }

    /// <summary>Parses a playlist that must be a media playlist.</summary>
    public static HlsMediaPlaylist ParseMedia(string text, MediaLocation location, HlsParserOptions? options = null)
        => Parse(text, location, options) is HlsPlaylist.Media media
            ? media.Playlist
            : throw new HlsParseException(0, "#EXT-X-STREAM-INF", $"'{location}' is a master playlist; a media playlist was expected");

    /// <summary>The mutable state of one parse, so the public entry points stay stateless and thread-safe.</summary>
    private sealed class State(MediaLocation location, HlsUriResolver uris, HlsParserOptions options)
    {
        private readonly List<HlsChunk> _chunks = [];
        private readonly List<int> _chunkLines = [];
        private readonly List<HlsVariant> _variants = [];
        private readonly List<HlsUnknownTag> _unknown = [];
        private readonly Dictionary<MediaLocation, long> _byteRangeEnds = [];

        private int? _version;
        private double? _targetDuration;
        private long _mediaSequence;
        private long _discontinuitySequence;
        private string? _playlistType;
        private bool _endList;

        private decimal _offset;
        private decimal? _pendingDuration;
        private string? _pendingTitle;
        private int _pendingLine;
        private bool _pendingDiscontinuity;
        private bool _pendingGap;
        private DateTimeOffset? _pendingDateTime;
        private (long Length, long? Offset, int Line)? _pendingByteRange;
        private HlsKey? _key;
        private HlsInitSection? _map;
        private long _discontinuities;
        private DateTimeOffset? _anchorDateTime;
        private decimal _anchorOffset;
        private (long Bandwidth, int? Width, int? Height, string? Codecs, int Line)? _pendingVariant;

        public HlsPlaylist Run(string text)
        {
            var lineNumber = 0;
            var sawHeader = false;
            foreach (var rawLine in text.AsSpan().EnumerateLines())
            {
                lineNumber++;
                if (lineNumber > options.MaxLines)
                {
                    throw new HlsParseException(0, null, $"the playlist has more than {options.MaxLines} lines");
                }

                var line = rawLine.Trim();
                if (!sawHeader)
                {
                    if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
                    {
                        line = line[1..];
                    }

                    if (line.Length == 0)
                    {
                        continue;
                    }

                    if (!line.SequenceEqual("#EXTM3U"))
                    {
                        throw new HlsParseException(lineNumber, null, "not an HLS playlist: the first line must be #EXTM3U");
                    }

                    sawHeader = true;
                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] != '#')
                {
                    AddUri(line.ToString(), lineNumber);
                }
                else if (line.StartsWith("#EXT"))
                {
                    HandleTag(line, lineNumber);
                }
            }

            if (!sawHeader)
            {
                throw new HlsParseException(0, null, "not an HLS playlist: it is empty (no #EXTM3U)");
            }

            return Finish();
        }

        private HlsPlaylist Finish()
        {
            if (_pendingVariant is { } variant)
            {
                throw new HlsParseException(variant.Line, "#EXT-X-STREAM-INF", "no URI line follows the tag");
            }

            if (_pendingDuration is not null)
            {
                throw new HlsParseException(_pendingLine, "#EXTINF", "no URI line follows the tag");
            }

            if (_variants.Count > 0)
            {
                if (_chunks.Count > 0)
                {
                    throw new HlsParseException(_chunkLines[0], "#EXTINF", "the playlist mixes variant streams (master) and chunks (media)");
                }

                return new HlsPlaylist.Master(new HlsMasterPlaylist(location, _variants));
            }

            var target = _targetDuration ?? (_chunks.Count == 0 ? 0 : Math.Ceiling(_chunks.Max(c => c.Duration)));
            if (_targetDuration is { } declared)
            {
                var limit = declared * options.MaxChunkToTargetRatio;
                for (var i = 0; i < _chunks.Count; i++)
                {
                    if (_chunks[i].Duration > limit)
                    {
                        throw new HlsParseException(_chunkLines[i], "#EXTINF",
                            $"duration {_chunks[i].Duration.ToString(CultureInfo.InvariantCulture)} s is more than {options.MaxChunkToTargetRatio.ToString(CultureInfo.InvariantCulture)}x EXT-X-TARGETDURATION ({declared.ToString(CultureInfo.InvariantCulture)} s)");
                    }
                }
            }

            return new HlsPlaylist.Media(new HlsMediaPlaylist(
                location, _version, target, _mediaSequence, _discontinuitySequence, _playlistType, _endList, _chunks, _unknown));
        }

        private void HandleTag(ReadOnlySpan<char> line, int lineNumber)
        {
            var colon = line.IndexOf(':');
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? [] : line[(colon + 1)..];
            switch (name)
            {
                case "#EXTM3U":
                    throw new HlsParseException(lineNumber, "#EXTM3U", "the header appears twice");
                case "#EXTINF":
                    ParseExtInf(value, lineNumber);
                    break;
                case "#EXT-X-VERSION":
                    _version = checked((int)ParseInteger(value, lineNumber, "#EXT-X-VERSION", 1, 100));
                    break;
                case "#EXT-X-TARGETDURATION":
                    _targetDuration = ParseInteger(value, lineNumber, "#EXT-X-TARGETDURATION", 1, (long)options.MaxChunkSeconds);
                    break;
                case "#EXT-X-MEDIA-SEQUENCE":
                    RequireBeforeFirstChunk(lineNumber, "#EXT-X-MEDIA-SEQUENCE");
                    _mediaSequence = ParseInteger(value, lineNumber, "#EXT-X-MEDIA-SEQUENCE", 0, long.MaxValue / 2);
                    break;
                case "#EXT-X-DISCONTINUITY-SEQUENCE":
                    RequireBeforeFirstChunk(lineNumber, "#EXT-X-DISCONTINUITY-SEQUENCE");
                    _discontinuitySequence = ParseInteger(value, lineNumber, "#EXT-X-DISCONTINUITY-SEQUENCE", 0, long.MaxValue / 2);
                    break;
                case "#EXT-X-DISCONTINUITY":
                    _pendingDiscontinuity = true;
                    break;
                case "#EXT-X-GAP":
                    _pendingGap = true;
                    break;
                case "#EXT-X-ENDLIST":
                    _endList = true;
                    break;
                case "#EXT-X-PLAYLIST-TYPE":
                    _playlistType = value.Trim() switch
                    {
                        "VOD" => "VOD",
                        "EVENT" => "EVENT",
                        _ => throw new HlsParseException(lineNumber, "#EXT-X-PLAYLIST-TYPE", $"'{value.ToString()}' is neither VOD nor EVENT"),
                    };
                    break;
                case "#EXT-X-PROGRAM-DATE-TIME":
                    _pendingDateTime = ParseDateTime(value, lineNumber);
                    break;
                case "#EXT-X-BYTERANGE":
                    var (length, offset) = ParseByteRange(value, lineNumber, "#EXT-X-BYTERANGE");
                    _pendingByteRange = (length, offset, lineNumber);
                    break;
                case "#EXT-X-MAP":
                    _map = ParseMap(value, lineNumber);
                    break;
                case "#EXT-X-KEY":
                    _key = ParseKey(value, lineNumber);
                    break;
                case "#EXT-X-STREAM-INF":
                    _pendingVariant = ParseStreamInf(value, lineNumber);
                    break;
                default:
                    _unknown.Add(new HlsUnknownTag(lineNumber, line.ToString()));
                    break;
            }
        }

        private void RequireBeforeFirstChunk(int lineNumber, string tag)
        {
            if (_chunks.Count > 0)
            {
                throw new HlsParseException(lineNumber, tag, "must appear before the first chunk");
            }
        }

        private void ParseExtInf(ReadOnlySpan<char> value, int lineNumber)
        {
            if (_pendingDuration is not null)
            {
                throw new HlsParseException(lineNumber, "#EXTINF", $"the #EXTINF on line {_pendingLine} has no URI line");
            }

            var comma = value.IndexOf(',');
            var number = (comma < 0 ? value : value[..comma]).Trim();
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var duration))
            {
                throw new HlsParseException(lineNumber, "#EXTINF", $"'{number.ToString()}' is not a duration in seconds");
            }

            if (duration < 0)
            {
                throw new HlsParseException(lineNumber, "#EXTINF", $"duration {number.ToString()} is negative");
            }

            if (duration > (decimal)options.MaxChunkSeconds)
            {
                throw new HlsParseException(lineNumber, "#EXTINF", $"duration {number.ToString()} s is longer than {options.MaxChunkSeconds.ToString(CultureInfo.InvariantCulture)} s; it is not a plausible chunk");
            }

            _pendingDuration = duration;
            _pendingLine = lineNumber;
            var title = comma < 0 ? [] : value[(comma + 1)..].Trim();
            _pendingTitle = title.Length == 0 ? null : title.ToString();
        }

        private void AddUri(string reference, int lineNumber)
        {
            if (_pendingVariant is { } variant)
            {
                var uri = uris.Resolve(reference, lineNumber, "#EXT-X-STREAM-INF");
                _variants.Add(new HlsVariant(uri, variant.Bandwidth, variant.Width, variant.Height, variant.Codecs));
                _pendingVariant = null;
                return;
            }

            if (_pendingDuration is not { } duration)
            {
                throw new HlsParseException(lineNumber, null, $"URI line '{Shorten(reference)}' has no #EXTINF before it");
            }

            var chunkUri = uris.Resolve(reference, lineNumber, "#EXTINF");
            if (_pendingDiscontinuity)
            {
                _discontinuities++;
            }

            DateTimeOffset? dateTime = null;
            if (_pendingDateTime is { } explicitTime)
            {
                _anchorDateTime = explicitTime;
                _anchorOffset = _offset;
                dateTime = explicitTime;
            }
            else if (_anchorDateTime is { } anchor)
            {
                dateTime = anchor.AddTicks((long)((_offset - _anchorOffset) * TimeSpan.TicksPerSecond));
            }

            ByteRange? byteRange = null;
            if (_pendingByteRange is { } pending)
            {
                long start;
                if (pending.Offset is { } explicitOffset)
                {
                    start = explicitOffset;
                }
                else if (!_byteRangeEnds.TryGetValue(chunkUri, out start))
                {
                    throw new HlsParseException(pending.Line, "#EXT-X-BYTERANGE", "has no @offset and no earlier range of the same URI to continue from");
                }

                byteRange = new ByteRange(start, pending.Length);
                _byteRangeEnds[chunkUri] = byteRange.Value.EndExclusive;
            }

            var index = _chunks.Count;
            _chunks.Add(new HlsChunk(
                index,
                _mediaSequence + index,
                chunkUri,
                (double)duration,
                (double)_offset,
                _discontinuitySequence + _discontinuities,
                dateTime,
                byteRange,
                _map,
                _key,
                _pendingGap,
                _pendingTitle));
            _chunkLines.Add(_pendingLine);
            _offset += duration;

            _pendingDuration = null;
            _pendingTitle = null;
            _pendingDiscontinuity = false;
            _pendingGap = false;
            _pendingDateTime = null;
            _pendingByteRange = null;
        }

        private HlsInitSection ParseMap(ReadOnlySpan<char> value, int lineNumber)
        {
            var attributes = ParseAttributes(value, lineNumber, "#EXT-X-MAP");
            if (!attributes.TryGetValue("URI", out var uriText))
            {
                throw new HlsParseException(lineNumber, "#EXT-X-MAP", "the URI attribute is missing");
            }

            var uri = uris.Resolve(uriText, lineNumber, "#EXT-X-MAP");
            ByteRange? range = null;
            if (attributes.TryGetValue("BYTERANGE", out var rangeText))
            {
                var (length, offset) = ParseByteRange(rangeText, lineNumber, "#EXT-X-MAP");
                range = new ByteRange(offset ?? 0, length);
            }

            return new HlsInitSection(uri, range);
        }

        private HlsKey? ParseKey(ReadOnlySpan<char> value, int lineNumber)
        {
            const string Tag = "#EXT-X-KEY";
            var attributes = ParseAttributes(value, lineNumber, Tag);
            if (!attributes.TryGetValue("METHOD", out var method))
            {
                throw new HlsParseException(lineNumber, Tag, "the METHOD attribute is missing");
            }

            if (method == "NONE")
            {
                return attributes.ContainsKey("URI")
                    ? throw new HlsParseException(lineNumber, Tag, "METHOD=NONE must not have a URI")
                    : null;
            }

            if (method is not ("AES-128" or "SAMPLE-AES" or "SAMPLE-AES-CTR"))
            {
                throw new HlsParseException(lineNumber, Tag, $"METHOD '{method}' is not NONE, AES-128, SAMPLE-AES or SAMPLE-AES-CTR");
            }

            if (!attributes.TryGetValue("URI", out var uriText))
            {
                throw new HlsParseException(lineNumber, Tag, $"METHOD={method} needs a URI attribute");
            }

            var iv = attributes.GetValueOrDefault("IV");
            if (iv is not null && !IsHexIv(iv))
            {
                throw new HlsParseException(lineNumber, Tag, $"IV '{iv}' is not 0x followed by 32 hexadecimal digits");
            }

            return new HlsKey(method, uris.Resolve(uriText, lineNumber, Tag), iv, attributes.GetValueOrDefault("KEYFORMAT"));
        }

        private (long, int?, int?, string?, int) ParseStreamInf(ReadOnlySpan<char> value, int lineNumber)
        {
            const string Tag = "#EXT-X-STREAM-INF";
            var attributes = ParseAttributes(value, lineNumber, Tag);
            if (!attributes.TryGetValue("BANDWIDTH", out var bandwidthText))
            {
                throw new HlsParseException(lineNumber, Tag, "the BANDWIDTH attribute is missing");
            }

            var bandwidth = ParseInteger(bandwidthText, lineNumber, Tag, 0, long.MaxValue / 2);
            int? width = null, height = null;
            if (attributes.TryGetValue("RESOLUTION", out var resolution))
            {
                var x = resolution.IndexOf('x', StringComparison.Ordinal);
                if (x <= 0
                    || !int.TryParse(resolution.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                    || !int.TryParse(resolution.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var h))
                {
                    throw new HlsParseException(lineNumber, Tag, $"RESOLUTION '{resolution}' is not WIDTHxHEIGHT");
                }

                (width, height) = (w, h);
            }

            return (bandwidth, width, height, attributes.GetValueOrDefault("CODECS"), lineNumber);
        }

        private static Dictionary<string, string> ParseAttributes(ReadOnlySpan<char> value, int lineNumber, string tag)
        {
            try
            {
                return HlsAttributeList.Parse(value);
            }
            catch (FormatException ex)
            {
                throw new HlsParseException(lineNumber, tag, ex.Message);
            }
        }

        private static long ParseInteger(ReadOnlySpan<char> value, int lineNumber, string tag, long min, long max)
        {
            var trimmed = value.Trim();
            if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                throw new HlsParseException(lineNumber, tag, $"'{trimmed.ToString()}' is not an integer between {min} and {max}");
            }

            return number;
        }

        private static (long Length, long? Offset) ParseByteRange(ReadOnlySpan<char> value, int lineNumber, string tag)
        {
            var trimmed = value.Trim();
            var at = trimmed.IndexOf('@');
            var lengthText = at < 0 ? trimmed : trimmed[..at];
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
            {
                throw new HlsParseException(lineNumber, tag, $"byte range '{trimmed.ToString()}' is not LENGTH[@OFFSET] with a positive length");
            }

            if (at < 0)
            {
                return (length, null);
            }

            if (!long.TryParse(trimmed[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                throw new HlsParseException(lineNumber, tag, $"byte range '{trimmed.ToString()}' has a malformed offset");
            }

            return (length, offset);
        }

        private static DateTimeOffset ParseDateTime(ReadOnlySpan<char> value, int lineNumber)
        {
            var trimmed = value.Trim();

            // RFC 8216 requires a time zone; without one the instant is ambiguous.
            var hasZone = trimmed.IndexOf('T') > 0 && (trimmed[^1] is 'Z' or 'z' || trimmed[Math.Max(0, trimmed.Length - 6)..].IndexOfAny('+', '-') >= 0);
            if (!hasZone || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                throw new HlsParseException(lineNumber, "#EXT-X-PROGRAM-DATE-TIME", $"'{trimmed.ToString()}' is not an ISO-8601 date-time with a time zone");
            }

            return instant.ToUniversalTime();
        }

        private static bool IsHexIv(string iv)
        {
            if (iv.Length != 34 || iv[0] != '0' || (iv[1] != 'x' && iv[1] != 'X'))
            {
                return false;
            }

            for (var i = 2; i < iv.Length; i++)
            {
                if (!char.IsAsciiHexDigit(iv[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
    }
}
