using ConflictTracker.Evidence.Analysis;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Evidence.Tests.Analysis;

public class VideoAndAudioTests(MediaFiles files) : IClassFixture<MediaFiles>
{
    private const string CutVideo = "The video cannot be read; it may be cut short or damaged.";

    private readonly MediaAnalyser analyser = new(new MediaLimits(), NullLogger<MediaAnalyser>.Instance);

    [Fact]
    public async Task AVideoGivesItsLengthSizeCreationTimeAndPlace()
    {
        var analysis = await Analyse(files.Faststart);

        var facts = analysis.Facts;
        analysis.Type.Should().Be(new MediaType(MediaKind.Video, "mp4", "video/mp4"));
        facts.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));
        (facts.Width, facts.Height).Should().Be((320, 240));
        facts.CapturedAt.Should().Be(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero));
        facts.CapturedAtHasOffset.Should().BeFalse("an MP4's creation time is often the camera's local time");
        facts.Latitude.Should().BeApproximately(37.5665, 1e-6);
        facts.Longitude.Should().BeApproximately(126.978, 1e-6);
        facts.Software.Should().StartWith("Lavf");
        facts.Tags.Should().Contain(t => t.Directory == "Stream 0 (video)" && t.Name == "Codec");
        facts.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task AVideoGetsFourKeyframesSpreadOverItsLengthEachWithAHash()
    {
        var analysis = await Analyse(files.IndexAtEnd);

        analysis
            .Previews.Select(p => p.At)
            .Should()
            .Equal(
                TimeSpan.FromSeconds(0.375),
                TimeSpan.FromSeconds(1.125),
                TimeSpan.FromSeconds(1.875),
                TimeSpan.FromSeconds(2.625)
            );
        analysis.Previews.Should().OnlyContain(p => p.Width == 320 && p.Height == 240 && p.Jpeg.Length > 1000);
        analysis.PerceptualHashes.Should().HaveCount(4);
    }

    [Fact]
    public async Task TheSameFootageReEncodedAtAnotherSizeMatchesKeyframeByKeyframe()
    {
        var small = await Analyse(files.Faststart);
        var large = await Analyse(files.Larger);

        large.Previews.Should().OnlyContain(p => p.Width == 320 && p.Height == 240, "previews fit 320 px");
        var distances = small.PerceptualHashes.Zip(large.PerceptualHashes, PerceptualHash.Distance).ToArray();
        distances.Should().HaveCount(4).And.OnlyContain(d => d <= PerceptualHash.NearDuplicateDistance);
        PerceptualHash.Distance(small.PerceptualHashes[0], large.PerceptualHashes[2]).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AVideoCutShortIsUnreadable(bool indexAtFront)
    {
        var cut = files.CutShort(indexAtFront ? files.Faststart : files.IndexAtEnd, 0.4);

        var analyse = () => Analyse(cut);

        var refusal = (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which;
        (refusal.Code, refusal.Message).Should().Be(("unreadable-media", CutVideo));
    }

    [Fact]
    public async Task KeyframesThatCannotBeTakenAreLeftOutWithAWarning()
    {
        var analysis = await Analyse(files.PicturesEndEarly);

        analysis.Previews.Should().ContainSingle().Which.At.Should().Be(TimeSpan.FromSeconds(0.375));
        analysis.PerceptualHashes.Should().ContainSingle();
        analysis.Facts.Warnings.Should().ContainSingle().Which.Should().StartWith("Only 1 of 4 keyframes");
    }

    [Fact]
    public async Task AnMp4OfSoundOnlyHasNoKeyframesAndSaysWhy()
    {
        var analysis = await Analyse(files.SoundOnlyMp4);

        analysis.Previews.Should().BeEmpty();
        analysis.Facts.Warnings.Should().ContainSingle().Which.Should().Contain("only sound");
    }

    [Fact]
    public async Task AudioGivesItsLengthAndTagsButNoPreviews()
    {
        var analysis = await Analyse(files.Tone);

        analysis.Type.Kind.Should().Be(MediaKind.Audio);
        analysis.Facts.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        analysis.Facts.Title.Should().Be("Tone");
        analysis.Facts.Tags.Should().Contain(t => t.Name == "title" && t.Value == "Tone");
        analysis.Previews.Should().BeEmpty();
        analysis.PerceptualHashes.Should().BeEmpty();
    }

    [Fact]
    public async Task AudioThatIsNotAudioIsUnreadable()
    {
        var path = files.Write("noise.mp3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, .. Enumerable.Repeat((byte)0x55, 4000)]);

        var analyse = () => Analyse(path);

        var refusal = (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which;
        (refusal.Code, refusal.Message)
            .Should()
            .Be(("unreadable-media", "The audio cannot be read; it may be cut short or damaged."));
    }

    [Fact]
    public async Task ATimedOutToolBecomesAPlainRefusal()
    {
        var hurried = new MediaAnalyser(
            new MediaLimits { ToolTimeout = TimeSpan.FromMilliseconds(1) },
            NullLogger<MediaAnalyser>.Instance
        );

        var analyse = () => hurried.AnalyseAsync(files.Faststart, Sniff(files.Faststart), CancellationToken.None);

        var refusal = (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which;
        refusal.Code.Should().Be("unreadable-media");
        refusal.Message.Should().StartWith("Reading the file took longer than 0 seconds");
    }

    [Fact]
    public async Task AMissingToolFailsLoudlyNotAsTheUploadersFault()
    {
        var broken = new MediaAnalyser(
            new MediaLimits { FfprobePath = "/nonexistent/ffprobe" },
            NullLogger<MediaAnalyser>.Instance
        );

        var analyse = () => broken.AnalyseAsync(files.Faststart, Sniff(files.Faststart), CancellationToken.None);

        await analyse.Should().ThrowAsync<InvalidOperationException>().WithMessage("*/nonexistent/ffprobe*");
    }

    private static MediaType Sniff(string path) => MediaSniffer.Sniff(path, Path.GetFileName(path));

    private Task<MediaAnalysis> Analyse(string path) =>
        analyser.AnalyseAsync(path, Sniff(path), CancellationToken.None);
}
