using Microsoft.Extensions.Logging;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// Reads a file already sniffed as acceptable (<see cref="MediaSniffer"/>): what it says about itself, its
/// previews and its perceptual hashes. Every external tool runs under <see cref="MediaLimits.ToolTimeout"/> and is
/// killed past it. See docs/rules/evidence-analysis.md.
/// </summary>
public sealed class MediaAnalyser(MediaLimits limits, ILogger<MediaAnalyser> logger)
{
    private readonly ImageAnalyser images = new(limits, logger);
    private readonly AvAnalyser media = new(limits, logger);
    private readonly PdfAnalyser pdfs = new(limits, logger);

    /// <exception cref="EvidenceRejectedException">"image-too-large" or "unreadable-media".</exception>
    public async Task<MediaAnalysis> AnalyseAsync(string path, MediaType type, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return type.Kind switch
            {
                MediaKind.Image => images.Analyse(path, type, ct),
                MediaKind.Video => await media.AnalyseVideoAsync(path, type, ct),
                MediaKind.Audio => await media.AnalyseAudioAsync(path, type, ct),
                MediaKind.Pdf => await pdfs.AnalyseAsync(path, type, ct),
                MediaKind.WebPage => WebPageAnalyser.Analyse(path, type),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown media kind."),
            };
        }
        catch (ToolTimeoutException e)
        {
            logger.LogWarning(e, "Analysing {Path} ({Format}) timed out", path, type.Format);
            throw new EvidenceRejectedException(
                "unreadable-media",
                $"Reading the file took longer than {limits.ToolTimeout.TotalSeconds:0} seconds, so it was "
                    + "stopped; it may be damaged or unusually complex."
            );
        }
    }
}
