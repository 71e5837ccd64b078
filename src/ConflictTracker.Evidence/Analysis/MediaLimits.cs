namespace ConflictTracker.Evidence.Analysis;

/// <summary>How far analysis goes, and where its external tools are.</summary>
public sealed record MediaLimits
{
    /// <summary>The most pixels (width × height) an image may have: checked from its header, before any
    /// decoding, so that a small file claiming a huge picture (an image bomb) is never decoded.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>The longest any external tool (ffprobe, ffmpeg, pdftoppm) may run before it is killed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The long side of a preview, in pixels.</summary>
    public int PreviewSize { get; init; } = 320;

    /// <summary>How many keyframes are taken from a video, spread over its duration.</summary>
    public int VideoKeyframes { get; init; } = 4;

    public string FfprobePath { get; init; } = "ffprobe";

    public string FfmpegPath { get; init; } = "ffmpeg";

    public string PdftoppmPath { get; init; } = "pdftoppm";
}
