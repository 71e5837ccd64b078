using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Preview JPEGs: never larger than asked, never upscaled, and carrying no metadata of their own (a
/// preview must not repeat an original's GPS position where the original's is not shown).</summary>
internal static class Previews
{
    private static readonly JpegEncoder Encoder = new() { Quality = 80 };

    public static MediaPreview Thumbnail(Image<Rgba32> image, int longSide, TimeSpan? at = null)
    {
        var scale = Math.Min(1.0, longSide / (double)Math.Max(image.Width, image.Height));
        var size = new Size(
            Math.Max(1, (int)Math.Round(image.Width * scale)),
            Math.Max(1, (int)Math.Round(image.Height * scale))
        );
        using var small = image.Clone(x => x.Resize(size).BackgroundColor(Color.White));
        small.Metadata.ExifProfile = null;
        small.Metadata.IptcProfile = null;
        small.Metadata.XmpProfile = null;
        small.Metadata.IccProfile = null;
        using var output = new MemoryStream();
        small.SaveAsJpeg(output, Encoder);
        return new MediaPreview(output.ToArray(), small.Width, small.Height, at);
    }
}
