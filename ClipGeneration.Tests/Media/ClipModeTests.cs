using System.Text.Json;
using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class ClipModeTests
{
    [Theory]
    [InlineData(ClipMode.Keyframe, "\"keyframe\"")]
    [InlineData(ClipMode.Accurate, "\"accurate\"")]
    public void Serialize_Mode_WritesLowerCaseName(ClipMode mode, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(mode));
        Assert.Equal(mode, JsonSerializer.Deserialize<ClipMode>(json));
    }

    [Fact]
    public void Deserialize_UnknownName_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ClipMode>("\"fast\""));
    }
}
