using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class EventPeriodTests
{
    [Fact]
    public void PeriodCannotEndBeforeItStarts()
    {
        var act = () => EventPeriod.Create(PartialDate.Day(2024, 10, 13), PartialDate.Day(2024, 10, 8));

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors["EventPeriod"]
            .Should()
            .ContainSingle(m => m.Contains("8 Oct 2024") && m.Contains("13 Oct 2024"));
    }

    [Theory]
    [InlineData("2024-10-08", "2024-10-13")] // the NIS period
    [InlineData("2024-10", "2024-10-08")] // started some time in October, ended on the 8th
    [InlineData("2024-10-08", "2024-10")] // ends within October, which covers the 8th
    [InlineData("2024-10-08", null)] // a single day
    public void AcceptsPeriodsThatCanHold(string start, string? end)
    {
        var period = EventPeriod.Create(
            PartialDate.Parse(start, "Start"),
            end is null ? null : PartialDate.Parse(end, "End")
        );

        period.Start.Should().Be(PartialDate.Parse(start, "Start"));
        period.End.Should().Be(PartialDate.Parse(end ?? start, "End"));
    }

    [Fact]
    public void MonthStartAfterDayEndInAnEarlierMonthIsRefused()
    {
        var act = () => EventPeriod.Create(PartialDate.Month(2024, 11), PartialDate.Day(2024, 10, 30));

        act.Should().Throw<DomainValidationException>();
    }

    [Theory]
    [InlineData("2024-10-08", "2024-10-13", "2024-10-13", "2024-10-20", true)] // share the 13th
    [InlineData("2024-10-08", "2024-10-13", "2024-10-14", "2024-10-20", false)]
    [InlineData("2024-10", "2024-10", "2024-10-20", "2024-10-20", true)] // October contains the 20th
    [InlineData("2024", "2024", "2023-12-30", "2023-12-30", false)]
    public void OverlapsWhenThePeriodsShareADay(string startA, string endA, string startB, string endB, bool expected)
    {
        var a = EventPeriod.Create(PartialDate.Parse(startA, "a"), PartialDate.Parse(endA, "a"));
        var b = EventPeriod.Create(PartialDate.Parse(startB, "b"), PartialDate.Parse(endB, "b"));

        a.Overlaps(b).Should().Be(expected);
        b.Overlaps(a).Should().Be(expected);
    }

    [Fact]
    public void ShowsASingleDayOnceAndARangeWithBothEnds()
    {
        EventPeriod.Create(PartialDate.Day(2024, 11, 1)).ToString().Should().Be("1 Nov 2024");
        EventPeriod
            .Create(PartialDate.Day(2024, 10, 8), PartialDate.Day(2024, 10, 13))
            .ToString()
            .Should()
            .Be("8 Oct 2024 – 13 Oct 2024");
    }
}
