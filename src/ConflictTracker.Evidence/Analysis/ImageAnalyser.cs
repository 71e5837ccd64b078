using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Images: the size from the header (refused past <see cref="MediaLimits.MaxPixels"/> before any
/// decoding), the metadata, one thumbnail, one perceptual hash.</summary>
internal sealed class ImageAnalyser(MediaLimits limits, ILogger logger)
{
    private const string Unreadable = "The image cannot be read; it may be cut short or damaged.";

    /// <summary>ImageSharp, reading only the first frame of an animated GIF or a multi-page TIFF.</summary>
    private static readonly Configuration FirstFrameOnly = MakeConfiguration();

    public MediaAnalysis Analyse(string path, MediaType type, CancellationToken ct)
    {
        var facts = new FactsBuilder();
        if (PngChunks.HasOversizedCompressedMetadata(path))
        {
            // Both MetadataExtractor and ImageSharp would inflate it whole: gigabytes from a small file.
            throw new EvidenceRejectedException(
                "image-too-large",
                "The image carries compressed metadata that expands to more than 8 MB (a decompression bomb); "
                    + "it is not kept."
            );
        }

        ImageMetadata.Read(path, facts);

        ct.ThrowIfCancellationRequested();

        var info = Identify(path, type);
        if (info is null)
        {
            // HEIC and AVIF: ImageSharp 2 has no decoder for them. The metadata is still worth having.
            facts.Warn(
                $"No preview can be made of {type.Format.ToUpperInvariant()} images yet; the file is kept as it is."
            );
            return new MediaAnalysis(type, facts.ToFacts(), [], []);
        }

        RefuseBombs(info.Width, info.Height);
        using var image = Decode(path);
        ct.ThrowIfCancellationRequested();
        image.Mutate(x => x.AutoOrient());
        (facts.Width, facts.Height) = (image.Width, image.Height);
        var preview = Previews.Thumbnail(image, limits.PreviewSize);
        var hash = PerceptualHash.Compute(image);
        return new MediaAnalysis(type, facts.ToFacts(), [preview], [hash]);
    }

    private IImageInfo? Identify(string path, MediaType type)
    {
        try
        {
            var info = Image.Identify(FirstFrameOnly, path, out _);
            return info is null && type.Format is not ("heic" or "avif")
                ? throw new EvidenceRejectedException("unreadable-media", Unreadable)
                : info;
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException)
        {
            logger.LogInformation(e, "ImageSharp could not identify {Path}", path);
            throw new EvidenceRejectedException("unreadable-media", Unreadable);
        }
    }

    private void RefuseBombs(int width, int height)
    {
        var pixels = (long)width * height;
        if (pixels > limits.MaxPixels)
        {
            throw new EvidenceRejectedException(
                "image-too-large",
                $"The image is {width} × {height} pixels ({pixels / 1e6:0.#} megapixels); the most accepted is "
                    + $"{limits.MaxPixels / 1e6:0.#} megapixels."
            );
        }
    }

    private Image<Rgba32> Decode(string path)
    {
        try
        {
            return Image.Load<Rgba32>(FirstFrameOnly, path);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or NotSupportedException)
        {
            logger.LogInformation(e, "ImageSharp could not decode {Path}", path);
            throw new EvidenceRejectedException("unreadable-media", Unreadable);
        }
    }

    private static Configuration MakeConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.ImageFormatsManager.SetDecoder(
            GifFormat.Instance,
            new GifDecoder { DecodingMode = FrameDecodingMode.First }
        );
        configuration.ImageFormatsManager.SetDecoder(
            TiffFormat.Instance,
            new TiffDecoder { DecodingMode = FrameDecodingMode.First }
        );
        return configuration;
    }
}
