using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Media;

/// <summary>How a range is cut from the recording.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClipMode>))]
public enum ClipMode
{
    /// <summary>Stream copy (~100x faster than re-encoding): the piece starts at the keyframe at or before the requested start.</summary>
    [JsonStringEnumMemberName("keyframe")]
    Keyframe,

    /// <summary>Frame-exact start and end: the range is decoded and re-encoded.</summary>
    [JsonStringEnumMemberName("accurate")]
    Accurate,
}
