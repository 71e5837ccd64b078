using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// A 64-bit difference hash (dHash): two pictures that look the same (resized, re-compressed, slightly brighter
/// or cropped, a small mark added) get hashes a few bits apart; different pictures about 32 bits apart.
/// <list type="number">
/// <item>Flatten any transparency onto white.</item>
/// <item>Shrink the picture to 9 × 8 pixels, ignoring its proportions, each small pixel the average of the area
/// it covers (a box filter): only the broad layout of light and dark remains.</item>
/// <item>Take each pixel's brightness (luma: 0.299 red + 0.587 green + 0.114 blue).</item>
/// <item>In each of the 8 rows, compare the 8 pairs of neighbours: a bit is 1 when the left pixel is brighter
/// than the right one. 8 rows × 8 comparisons = 64 bits, first row first, leftmost pair as the highest bit.</item>
/// </list>
/// Two hashes are compared by their Hamming distance: the number of bits that differ.
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// Hashes at most this far apart are shown as near-duplicates. Chosen from measured distances
    /// (PerceptualHashTests, docs/rules/evidence-analysis.md): edited copies of one picture stayed within 9,
    /// different pictures were 22 or more apart.
    /// </summary>
    public const int NearDuplicateDistance = 12;

    private const int Columns = 9;
    private const int Rows = 8;

    public static ulong Compute(Image<Rgba32> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var small = image.Clone(x =>
            x.BackgroundColor(Color.White)
                .Resize(
                    new ResizeOptions
                    {
                        Size = new Size(Columns, Rows),
                        Mode = ResizeMode.Stretch,
                        Sampler = KnownResamplers.Box,
                    }
                )
        );

        var hash = 0UL;
        for (var y = 0; y < Rows; y++)
        {
            for (var x = 0; x < Columns - 1; x++)
            {
                hash = (hash << 1) | (Luma(small[x, y]) > Luma(small[x + 1, y]) ? 1UL : 0UL);
            }
        }

        return hash;
    }

    /// <summary>The hash of an encoded picture (a preview JPEG; any format ImageSharp reads).</summary>
    public static ulong Compute(byte[] jpeg)
    {
        using var image = Image.Load<Rgba32>(jpeg);
        return Compute(image);
    }

    /// <summary>How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    public static bool AreNearDuplicates(ulong a, ulong b) => Distance(a, b) <= NearDuplicateDistance;

    private static double Luma(Rgba32 pixel) => (0.299 * pixel.R) + (0.587 * pixel.G) + (0.114 * pixel.B);
}
