using ClipGeneration.Core.Media;

namespace ClipGeneration.Tests.Media;

public sealed class FfmpegFailureClassifierTests
{
    [Theory]
    [InlineData("/tmp/x/source0.ts: Invalid data found when processing input")]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] moov atom not found")]
    [InlineData("Unknown encoder 'libfoo'")]
    [InlineData("Protocol 'http' not on whitelist 'file'!")]
    [InlineData("Output file #0 does not contain any stream")]
    public void IsInvalidInput_InputOrCommandProblems_ReturnsTrue(string stderr)
    {
        Assert.True(FfmpegFailureClassifier.IsInvalidInput(stderr));
    }

    [Theory]
    [InlineData("")]
    [InlineData("av_interleaved_write_frame(): No space left on device")]
    [InlineData("Error writing trailer: Input/output error")]
    [InlineData("Cannot allocate memory")]
    public void IsInvalidInput_TransientProblems_ReturnsFalse(string stderr)
    {
        Assert.False(FfmpegFailureClassifier.IsInvalidInput(stderr));
    }
}
