namespace ClipGeneration.Core.Hls;

/// <summary>What a playlist text turned out to be: a media playlist (chunks) or a master playlist (variants).</summary>
public abstract record HlsPlaylist
{
    private HlsPlaylist()
    {
    }

    public sealed record Media(HlsMediaPlaylist Playlist) : HlsPlaylist;

    public sealed record Master(HlsMasterPlaylist Playlist) : HlsPlaylist;
}
