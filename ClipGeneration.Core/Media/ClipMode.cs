using System.Text.Json.Serialization;

namespace ClipGeneration.Core.Media;

/// <summary>How a clip is cut: written as <c>"keyframe"</c> or <c>"accurate"</c> in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClipMode>))]
public enum ClipMode
{
    /// <summary>Stream copy: ~100x faster, each range starts at the keyframe at or before its start time.</summary>
    [JsonStringEnumMemberName("keyframe")]
    Keyframe,

    /// <summary>Frame-exact: the partial GOPs at a range's edges are re-encoded.</summary>
    [JsonStringEnumMemberName("accurate")]
    Accurate,
}
