using ConflictTracker.Evidence.Analysis;

namespace ConflictTracker.Evidence.Tests.Analysis;

public class PositionAndDateParsingTests
{
    [Theory]
    [InlineData("+37.5665+126.9780/", 37.5665, 126.978)]
    [InlineData("-33.8688+151.2093+012.500/", -33.8688, 151.2093)]
    [InlineData("+50.4501+030.5234CRSWGS_84/", 50.4501, 30.5234)]
    [InlineData("+4827.006+03531.404/", 48.4501, 35.5234)]
    [InlineData("+482700.36+0353124.24/", 48.4501, 35.5234)]
    public void Iso6709PositionsAreReadInAnyOfTheirForms(string text, double latitude, double longitude)
    {
        var (lat, lon) = Iso6709.Parse(text)!.Value;

        lat.Should().BeApproximately(latitude, 1e-4);
        lon.Should().BeApproximately(longitude, 1e-4);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Kyiv")]
    [InlineData("+37.5665/")]
    [InlineData("+375665.1234567+126.9780/")]
    public void AnythingElseIsNoPosition(string? text) => Iso6709.Parse(text).Should().BeNull();

    [Theory]
    [InlineData("2024:03:01 10:20:30", "+02:00", "2024-03-01T10:20:30", 2.0)]
    [InlineData("2024:03:01 10:20:30\0", "-05:30", "2024-03-01T10:20:30", -5.5)]
    [InlineData("2024:03:01 10:20:30", "+99:00", "2024-03-01T10:20:30", null)]
    [InlineData("2024:03:01 10:20:30", null, "2024-03-01T10:20:30", null)]
    public void ExifTimesAreReadWithTheirOffsetWhenStated(string time, string? offset, string local, double? hours)
    {
        var (at, stated) = ImageMetadata.ParseExif(time, offset);

        at.Should().Be(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        stated.Should().Be(hours is null ? null : TimeSpan.FromHours(hours.Value));
    }

    [Theory]
    [InlineData("    :  :     :  :  ")]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData(null)]
    public void BlankExifTimesAreNoTime(string? time) => ImageMetadata.ParseExif(time, "+01:00").Time.Should().BeNull();

    [Fact]
    public void TagValuesAreCleanedAndCapped()
    {
        FactsBuilder.Clean(" a\0b\u0007c ").Should().Be("a b c");
        FactsBuilder.Clean(new string('x', 2000)).Should().HaveLength(FactsBuilder.MaxValueLength).And.EndWith("…");
        var facts = new FactsBuilder();
        for (var i = 0; i < 250; i++)
        {
            facts.Tag("Exif", $"Tag {i}", "value");
        }

        var made = facts.ToFacts();
        made.Tags.Should().HaveCount(200);
        made.Warnings.Should().Equal("Only the first 200 metadata tags are kept; 50 more were left out.");
    }
}
