using System.Globalization;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Frames taken with ffmpeg at moments spread over a video, each a preview with a perceptual hash.</summary>
internal sealed class Keyframes(MediaLimits limits, ILogger logger)
{
    public sealed record Frame(MediaPreview Preview, ulong Hash);

    /// <summary>The moments: the middles of <c>count</c> equal parts of the video (so never the black first
    /// frame nor past the end), or just its start when its duration is unknown.</summary>
    public static IReadOnlyList<TimeSpan> Moments(TimeSpan? duration, int count) =>
        duration is { } length && length > TimeSpan.Zero && count > 0
            ? Enumerable.Range(0, count).Select(i => length * ((i + 0.5) / count)).ToArray()
            : [TimeSpan.Zero];

    public async Task<Frame?> TakeAsync(string path, TimeSpan at, CancellationToken ct)
    {
        var size = limits.PreviewSize.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-v",
            "error",
            "-nostdin",
            "-ss",
            at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            .. Ffprobe.Input(path),
            "-map",
            "0:v:0",
            "-frames:v",
            "1",
            "-vf",
            $"scale=w={size}:h={size}:force_original_aspect_ratio=decrease",
            "-an",
            "-sn",
            "-dn",
            "-c:v",
            "png",
            "-f",
            "image2pipe",
            "pipe:1",
        ];
        var result = await ExternalTool.RunAsync(limits.FfmpegPath, arguments, limits.ToolTimeout, ct);
        if (result.ExitCode != 0 || result.Output.Length == 0)
        {
            logger.LogInformation("No frame at {At} of {Path}: {Errors}", at, path, result.Errors);
            return null;
        }

        try
        {
            using var frame = Image.Load<Rgba32>(result.Output);
            return new Frame(Previews.Thumbnail(frame, limits.PreviewSize, at), PerceptualHash.Compute(frame));
        }
        catch (ImageFormatException e)
        {
            logger.LogInformation(e, "ffmpeg's frame at {At} of {Path} is not a PNG", at, path);
            return null;
        }
    }
}
