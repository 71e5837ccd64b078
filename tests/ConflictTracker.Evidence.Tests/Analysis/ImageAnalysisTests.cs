using ConflictTracker.Evidence.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ConflictTracker.Evidence.Tests.Analysis;

public sealed class ImageAnalysisTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("evidence-images-");
    private readonly MediaAnalyser analyser = new(new MediaLimits(), NullLogger<MediaAnalyser>.Instance);

    [Fact]
    public async Task APhotosExifGivesItsCaptureTimeCameraAndPosition()
    {
        using var photo = TestImages.Scene(1, 400, 300);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Canon");
        exif.SetValue(ExifTag.Model, "Canon EOS 5D Mark IV");
        exif.SetValue(ExifTag.Software, "Firmware 1.2");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:03:01 10:20:30");
        exif.SetValue(ExifTag.OffsetTimeOriginal, "+09:00");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(37, 1), new Rational(33, 1), new Rational(594, 10)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(126, 1), new Rational(58, 1), new Rational(408, 10)]);
        photo.Metadata.ExifProfile = exif;
        var path = Save(photo, "photo.jpg");

        var analysis = await Analyse(path);

        var facts = analysis.Facts;
        facts.CapturedAt.Should().Be(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.FromHours(9)));
        facts.CapturedAtHasOffset.Should().BeTrue();
        (facts.CameraMake, facts.CameraModel, facts.Software)
            .Should()
            .Be(("Canon", "Canon EOS 5D Mark IV", "Firmware 1.2"));
        facts.Latitude.Should().BeApproximately(37.5665, 0.0001);
        facts.Longitude.Should().BeApproximately(126.978, 0.0001);
        facts.Tags.Should().Contain(t => t.Name == "Model" && t.Value == "Canon EOS 5D Mark IV");
        facts.Tags.Should().HaveCountLessThanOrEqualTo(200).And.OnlyContain(t => t.Value.Length <= 500);
        facts.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task ACaptureTimeWithoutOffsetIsLocalTimeReadAsUtc()
    {
        using var photo = TestImages.Scene(2, 200, 150);
        photo.Metadata.ExifProfile = new ExifProfile();
        photo.Metadata.ExifProfile.SetValue(ExifTag.DateTimeOriginal, "2023:12:31 23:59:58");

        var facts = (await Analyse(Save(photo, "local.jpg"))).Facts;

        facts.CapturedAt.Should().Be(new DateTimeOffset(2023, 12, 31, 23, 59, 58, TimeSpan.Zero));
        facts.CapturedAtHasOffset.Should().BeFalse();
        facts.Latitude.Should().BeNull();
    }

    [Fact]
    public async Task TheThumbnailIsTurnedAsTheCameraSaysAndCarriesNoMetadata()
    {
        using var photo = TestImages.Scene(3, 800, 600);
        photo.Metadata.ExifProfile = new ExifProfile();
        photo.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6); // turned 90° clockwise
        photo.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");

        var analysis = await Analyse(Save(photo, "turned.jpg"));

        (analysis.Facts.Width, analysis.Facts.Height).Should().Be((600, 800));
        var preview = analysis.Previews.Should().ContainSingle().Subject;
        (preview.Width, preview.Height, preview.At).Should().Be((240, 320, null));
        using var thumbnail = Image.Load<Rgba32>(preview.Jpeg);
        (thumbnail.Width, thumbnail.Height).Should().Be((240, 320));
        thumbnail.Metadata.ExifProfile.Should().BeNull();
        analysis.PerceptualHashes.Should().ContainSingle();
    }

    [Fact]
    public async Task APngIsHashedLikeTheSamePictureAsAJpeg()
    {
        using var scene = TestImages.Scene(4);
        var png = await Analyse(Save(scene, "scene.png"), MediaSniffer.Sniff(Save(scene, "scene.png"), "scene.png"));
        var jpeg = await Analyse(Save(scene, "scene.jpg"));

        png.Type.Format.Should().Be("png");
        PerceptualHash.Distance(png.PerceptualHashes[0], jpeg.PerceptualHashes[0]).Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task AnImageBombIsRefusedFromItsHeaderBeforeDecoding()
    {
        var path = Path.Combine(folder.FullName, "bomb.png");
        await File.WriteAllBytesAsync(path, TestImages.PngClaiming(100_000, 100_000));
        var type = MediaSniffer.Sniff(path, "bomb.png");

        var analyse = () => analyser.AnalyseAsync(path, type, CancellationToken.None);

        var refusal = (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which;
        refusal.Code.Should().Be("image-too-large");
        refusal.Message.Should().Contain("100000 × 100000 pixels").And.Contain("50 megapixels");
    }

    [Fact]
    public async Task ACutShortImageIsUnreadable()
    {
        var bytes = TestImages.Jpeg(TestImages.Scene(5));
        var path = Path.Combine(folder.FullName, "cut.jpg");
        await File.WriteAllBytesAsync(path, bytes[..12]);

        var analyse = () => Analyse(path);

        (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which.Code.Should().Be("unreadable-media");
    }

    [Fact]
    public async Task AHeicImageThatCannotBeDecodedKeepsItsMetadataWithAWarning()
    {
        // A HEIC header ImageSharp 2 has no decoder for: analysis must go on without a preview.
        var path = Path.Combine(folder.FullName, "photo.heic");
        byte[] ftyp = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
        await File.WriteAllBytesAsync(path, [.. ftyp, .. new byte[200]]);
        var type = MediaSniffer.Sniff(path, "photo.heic");

        var analysis = await analyser.AnalyseAsync(path, type, CancellationToken.None);

        type.Format.Should().Be("heic");
        analysis.Previews.Should().BeEmpty();
        analysis.PerceptualHashes.Should().BeEmpty();
        analysis.Facts.Warnings.Should().Contain(w => w.Contains("No preview", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Save(Image image, string name)
    {
        var path = Path.Combine(folder.FullName, name);
        image.Save(path);
        return path;
    }

    private Task<MediaAnalysis> Analyse(string path, MediaType? type = null) =>
        analyser.AnalyseAsync(path, type ?? MediaSniffer.Sniff(path, Path.GetFileName(path)), CancellationToken.None);
}
