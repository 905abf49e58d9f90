namespace ClipGeneration.Core.Media;

/// <summary>What ffprobe says about a media file (<c>-show_format -show_streams</c>).</summary>
/// <param name="FormatName">Container name(s), e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c> or <c>mpegts</c>.</param>
/// <param name="Duration">Container duration in seconds, when known.</param>
/// <param name="StartTime">Timestamp of the first sample in seconds (MPEG-TS chunks rarely start at 0).</param>
/// <param name="Size">File size in bytes, when known.</param>
/// <param name="BitRate">Overall bit rate in bits per second, when known.</param>
/// <param name="Streams">Every stream, in file order.</param>
public sealed record MediaInfo(
    string? FormatName,
    double? Duration,
    double? StartTime,
    long? Size,
    long? BitRate,
    IReadOnlyList<MediaStreamInfo> Streams)
{
    /// <summary>Gets the first video stream that is not a cover picture, or null.</summary>
    public MediaStreamInfo? Video => Streams.FirstOrDefault(s => s.IsVideo);

    /// <summary>Gets the first audio stream, or null.</summary>
    public MediaStreamInfo? Audio => Streams.FirstOrDefault(s => s.IsAudio);
}

/// <summary>One stream of a media file. Fields that do not apply to the stream's type are null.</summary>
/// <param name="Index">Stream index in the file.</param>
/// <param name="CodecType"><c>video</c>, <c>audio</c>, <c>data</c>, <c>subtitle</c>.</param>
/// <param name="CodecName">e.g. <c>h264</c>, <c>aac</c>.</param>
/// <param name="Profile">e.g. <c>High</c>, <c>LC</c>.</param>
/// <param name="Width">Coded picture width in pixels (video).</param>
/// <param name="Height">Coded picture height in pixels (video).</param>
/// <param name="AverageFrameRate">ffprobe's avg_frame_rate (<c>25/1</c>, <c>30000/1001</c>): frames / duration.</param>
/// <param name="NominalFrameRate">ffprobe's r_frame_rate: the lowest rate that represents every timestamp.</param>
/// <param name="PixelFormat">e.g. <c>yuv420p</c> (video).</param>
/// <param name="SampleRate">Samples per second (audio).</param>
/// <param name="Channels">Channel count (audio).</param>
/// <param name="ChannelLayout">e.g. <c>stereo</c>, <c>mono</c> (audio).</param>
/// <param name="TimeBase">The stream's time base as ffprobe prints it (<c>1/90000</c>).</param>
/// <param name="Duration">Stream duration in seconds, when known.</param>
/// <param name="StartTime">First timestamp of the stream in seconds.</param>
/// <param name="IsAttachedPicture">True for cover art stored as a video stream.</param>
public sealed record MediaStreamInfo(
    int Index,
    string CodecType,
    string? CodecName,
    string? Profile,
    int? Width,
    int? Height,
    string? AverageFrameRate,
    string? NominalFrameRate,
    string? PixelFormat,
    int? SampleRate,
    int? Channels,
    string? ChannelLayout,
    string? TimeBase,
    double? Duration,
    double? StartTime,
    bool IsAttachedPicture)
{
    public bool IsVideo => CodecType == "video" && !IsAttachedPicture;

    public bool IsAudio => CodecType == "audio";

    private static readonly double[] StandardRates = [24000.0 / 1001, 24, 25, 30000.0 / 1001, 30, 48, 50, 60000.0 / 1001, 60];

    /// <summary>
    /// Gets frames per second: the nominal rate when the average agrees with it (within 2%), else the average
    /// snapped to a standard rate within 2%, else the average as is; null when ffprobe reports neither.
    /// </summary>
    /// <remarks>
    /// Neither ffprobe figure is right alone after joins: avg_frame_rate drifts with the small gaps at seams
    /// (24.89 for a 25 fps clip) and r_frame_rate grows when timestamps are shifted off the frame grid (125 for it).
    /// </remarks>
    public double? FramesPerSecond
    {
        get
        {
            var average = FfprobeJsonParser.ParseRational(AverageFrameRate);
            var nominal = FfprobeJsonParser.ParseRational(NominalFrameRate);
            if (average is null || (nominal is not null && Math.Abs(nominal.Value - average.Value) / nominal.Value < 0.02))
            {
                return nominal ?? average;
            }

            foreach (var rate in StandardRates)
            {
                if (Math.Abs(average.Value - rate) / rate < 0.02)
                {
                    return rate;
                }
            }

            return average;
        }
    }
}
