using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Tests;

public sealed class DateReaderTests
{
    // Wednesday 23 October 2024.
    private static readonly PartialDate Wednesday = PartialDate.Day(2024, 10, 23);

    private static string First(string text, PartialDate article) =>
        DateReader.Read(text, article).First().Date.ToIsoString();

    [Theory]
    [InlineData("said on Tuesday", "2024-10-22")]
    [InlineData("said on Wednesday", "2024-10-23")]
    [InlineData("said on Thursday", "2024-10-17")]
    [InlineData("said last Wednesday", "2024-10-16")]
    public void AWeekdayIsTheLatestSuchDayOnOrBeforePublication(string text, string expected)
    {
        First(text, Wednesday).Should().Be(expected);
    }

    [Fact]
    public void YesterdayIsTheDayBefore()
    {
        First("told reporters yesterday", Wednesday).Should().Be("2024-10-22");
        First("told reporters yesterday", PartialDate.Day(2024, 11, 1)).Should().Be("2024-10-31");
    }

    [Fact]
    public void LastWeekIsItsMonthOrItsYearWhenItSpansTwoMonths()
    {
        // 14-20 October: one month.
        First("said last week", Wednesday).Should().Be("2024-10");

        // Wednesday 6 November: last week was 28 October to 3 November.
        var spanning = DateReader.Read("said last week", PartialDate.Day(2024, 11, 6)).Single().Date;
        spanning.Precision.Should().Be(DatePrecision.Year);
        spanning.ToIsoString().Should().Be("2024");
    }

    [Fact]
    public void AMonthIsTheLatestSuchMonthOnOrBeforePublicationToTheMonth()
    {
        First("said in January", Wednesday).Should().Be("2024-01");
        First("said in November", Wednesday).Should().Be("2023-11");
        First("said in October", Wednesday).Should().Be("2024-10");
        First("in September 2022", Wednesday).Should().Be("2022-09");
    }

    [Fact]
    public void ADayOfAMonthIsThatDayInTheLatestYearItHasPassed()
    {
        First("told parliament on October 8", Wednesday).Should().Be("2024-10-08");
        First("on Oct. 8", Wednesday).Should().Be("2024-10-08");
        First("on 8 October", Wednesday).Should().Be("2024-10-08");

        // 30 October has not come yet on the 23rd: the last one was a year before.
        First("on October 30", Wednesday).Should().Be("2023-10-30");
    }

    [Fact]
    public void WithAnArticleDatedOnlyToAMonthADayInThatMonthStaysInIt()
    {
        var october = PartialDate.Month(2024, 10);

        First("on October 8", october).Should().Be("2024-10-08");
        First("on October 30", october).Should().Be("2024-10-30");
        First("in December", october).Should().Be("2023-12");

        // A weekday cannot be placed in a month: it is the article's month.
        First("said on Tuesday", october).Should().Be("2024-10");
    }

    [Fact]
    public void AnEventAheadTakesTheNearestYearAndAnEventPastLooksBack()
    {
        var ahead = DateReader.Period("They will be ready to fight in Ukraine on November 1", Wednesday);
        var past = DateReader.Period("The first units had arrived in the region on November 1", Wednesday);

        ahead!.Start.ToIsoString().Should().Be("2024-11-01");
        past!.Start.ToIsoString().Should().Be("2023-11-01");
    }

    [Fact]
    public void ARangeOfDaysIsAPeriod()
    {
        var period = DateReader.Period("ferried soldiers to Vladivostok between October 8 and October 13", Wednesday);

        period!.Start.ToIsoString().Should().Be("2024-10-08");
        period.End!.ToIsoString().Should().Be("2024-10-13");
    }

    [Fact]
    public void NoDateInTheTextReadsNothing()
    {
        DateReader.Read("The ministry said the troops were being trained.", Wednesday).Should().BeEmpty();
        DateReader.Period("The troops were being trained.", Wednesday).Should().BeNull();
    }
}
