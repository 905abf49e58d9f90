using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Media;

/// <summary>How a range is cut out of a recording.</summary>
/// <remarks>Serialized as the JSON strings <c>"keyframe"</c> and <c>"accurate"</c>; any other string fails deserialization.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<ClipMode>))]
public enum ClipMode
{
    /// <summary>Stream copy: fast and lossless, but a range starts at the keyframe at or before the requested start.</summary>
    [JsonStringEnumMemberName("keyframe")]
    Keyframe,

    /// <summary>Decode and re-encode (x264 + AAC): the range starts and ends at the requested frames.</summary>
    [JsonStringEnumMemberName("accurate")]
    Accurate,
}
