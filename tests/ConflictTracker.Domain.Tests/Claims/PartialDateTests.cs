using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class PartialDateTests
{
    [Theory]
    [InlineData("2024-10-18", DatePrecision.Day, "2024-10-18", "2024-10-18", "18 Oct 2024")]
    [InlineData("2024-10", DatePrecision.Month, "2024-10-01", "2024-10-31", "Oct 2024")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29", "Feb 2024")]
    [InlineData("2024", DatePrecision.Year, "2024-01-01", "2024-12-31", "2024")]
    public void ParsesEachPrecisionAndKnowsTheSpanItCovers(
        string text,
        DatePrecision precision,
        string earliest,
        string latest,
        string shown
    )
    {
        var date = PartialDate.Parse(text, "StatedOn");

        date.Precision.Should().Be(precision);
        date.Earliest.Should().Be(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));
        date.Latest.Should().Be(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture));
        date.ToString().Should().Be(shown);
        date.ToIsoString().Should().Be(text);
    }

    [Fact]
    public void StoresTheFirstDayOfWhatIsKnown()
    {
        PartialDate.Create(new DateOnly(2024, 10, 18), DatePrecision.Month).Date.Should().Be(new DateOnly(2024, 10, 1));
        PartialDate.Create(new DateOnly(2024, 10, 18), DatePrecision.Year).Date.Should().Be(new DateOnly(2024, 1, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("18/10/2024")]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("October")]
    public void RefusesWhatIsNotADate(string text)
    {
        var act = () => PartialDate.Parse(text, "StatedOn");

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("StatedOn");
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01-01")]
    [InlineData("1899")]
    public void TypedDatesOutsideTheRangeAreRefusedButStoredOnesStillRead(string text)
    {
        var act = () => PartialDate.Parse(text, "EventEnd");
        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("EventEnd");

        PartialDate.Create(new DateOnly(1, 1, 1), DatePrecision.Day).Date.Should().Be(new DateOnly(1, 1, 1));
    }
}
