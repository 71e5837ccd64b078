using ConflictTracker.Evidence.Analysis;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace ConflictTracker.Evidence.Tests.Analysis;

public class PerceptualHashTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void EditedCopiesStayWithinTheThresholdAndDifferentPicturesBeyondIt()
    {
        var worst = new Dictionary<string, int>();
        var nearestOther = int.MaxValue;
        foreach (var seed in Seeds)
        {
            using var original = TestImages.Scene(seed);
            var hash = PerceptualHash.Compute(original);
            foreach (var (edit, make) in Edits(original))
            {
                using var copy = make();
                var distance = PerceptualHash.Distance(hash, PerceptualHash.Compute(copy));
                worst[edit] = Math.Max(worst.GetValueOrDefault(edit), distance);
            }

            using var other = TestImages.Scene(seed + 100);
            nearestOther = Math.Min(nearestOther, PerceptualHash.Distance(hash, PerceptualHash.Compute(other)));
        }

        foreach (var (edit, distance) in worst)
        {
            output.WriteLine($"{edit}: at most {distance}");
        }

        output.WriteLine($"a different picture: at least {nearestOther}");
        worst.Values.Should().OnlyContain(d => d <= PerceptualHash.NearDuplicateDistance);
        nearestOther.Should().BeGreaterThan(PerceptualHash.NearDuplicateDistance);
    }

    private static Dictionary<string, Func<Image<Rgba32>>> Edits(Image<Rgba32> original) =>
        new()
        {
            ["resized to 60%"] = () => original.Clone(x => x.Resize(original.Width * 6 / 10, original.Height * 6 / 10)),
            ["JPEG quality 40"] = () => Image.Load<Rgba32>(TestImages.Jpeg(original, 40)),
            ["brightness +10%"] = () => original.Clone(x => x.Brightness(1.1f)),
            ["5% cropped (2.5% off each side)"] = () => original.Clone(x => x.Crop(Centred(original, 0.95))),
            ["2.5% cropped off the right and bottom"] = () => original.Clone(x => x.Crop(Corner(original, 0.975))),
            ["watermark block"] = () => Watermarked(original),
        };

    [Fact]
    public void FivePercentCutOffOneSideCanGoBeyondTheThreshold()
    {
        // dHash compares neighbours at fixed places: a crop shifts them. Measured, documented, not hidden.
        var distances = Seeds
            .Select(seed =>
            {
                using var original = TestImages.Scene(seed);
                using var cropped = original.Clone(x => x.Crop(Corner(original, 0.95)));
                return PerceptualHash.Distance(PerceptualHash.Compute(original), PerceptualHash.Compute(cropped));
            })
            .ToArray();

        output.WriteLine($"5% off the right and bottom: {string.Join(", ", distances)}");
        distances.Should().Contain(d => d > PerceptualHash.NearDuplicateDistance);
        distances.Max().Should().BeLessThan(22, "it stays nearer than any different picture measured");
    }

    [Fact]
    public void DifferentPicturesAreFarApartFromEachOther()
    {
        var hashes = Seeds
            .Select(seed =>
            {
                using var scene = TestImages.Scene(seed);
                return PerceptualHash.Compute(scene);
            })
            .ToArray();

        var distances =
            from a in Enumerable.Range(0, hashes.Length)
            from b in Enumerable.Range(a + 1, hashes.Length - a - 1)
            select PerceptualHash.Distance(hashes[a], hashes[b]);

        var all = distances.ToArray();
        output.WriteLine($"pairwise: min {all.Min()}, mean {all.Average():0.0}, max {all.Max()}");
        all.Should().OnlyContain(d => d > PerceptualHash.NearDuplicateDistance);
    }

    [Fact]
    public void AJpegHashesLikeThePictureItHolds()
    {
        using var scene = TestImages.Scene(9);

        var distance = PerceptualHash.Distance(
            PerceptualHash.Compute(scene),
            PerceptualHash.Compute(TestImages.Jpeg(scene))
        );

        distance.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void TheHashReadsLeftBrighterThanRightRowByRow()
    {
        // Columns 0-3 of 9 white, 4-8 black: in every row only the 4th comparison of 8 is 1.
        using var image = new Image<Rgba32>(90, 80);
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < 90; x++)
            {
                image[x, y] = x < 40 ? Color.White : Color.Black;
            }
        }

        PerceptualHash.Compute(image).Should().Be(0x1010101010101010UL);
        PerceptualHash.Distance(0, ulong.MaxValue).Should().Be(64);
        PerceptualHash.Distance(0b1011, 0b0001).Should().Be(2);
    }

    private static Rectangle Centred(Image image, double keep)
    {
        var (width, height) = ((int)(image.Width * keep), (int)(image.Height * keep));
        return new Rectangle((image.Width - width) / 2, (image.Height - height) / 2, width, height);
    }

    private static Rectangle Corner(Image image, double keep) =>
        new(0, 0, (int)(image.Width * keep), (int)(image.Height * keep));

    private static Image<Rgba32> Watermarked(Image<Rgba32> original)
    {
        var copy = original.Clone();
        var (left, top) = (copy.Width * 70 / 100, copy.Height * 85 / 100);
        for (var y = top; y < top + (copy.Height / 10); y++)
        {
            for (var x = left; x < left + (copy.Width / 4); x++)
            {
                copy[x, y] = (x / 4) % 3 == 0 ? Color.Black : Color.White;
            }
        }

        return copy;
    }
}
