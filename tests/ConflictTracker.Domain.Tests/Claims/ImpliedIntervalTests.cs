using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Domain.Tests.Claims;

public class ImpliedIntervalTests
{
    [Theory]
    [InlineData(1350, 1500, 10000, null, false)] // "nearly 1,500" vs "at least 10,000": cannot both hold
    [InlineData(1350, 1500, 1400, 1600, true)] // overlapping ranges
    [InlineData(1350, 1500, 1500, 1500, true)] // touching at one value
    [InlineData(0, 4800000, 1000000, null, true)] // "up to" vs "at least" below it
    [InlineData(200, 999, 1800, 5500, false)] // "hundreds" vs "a few thousand"
    [InlineData(10000, null, 20000, null, true)] // two unbounded intervals always meet
    public void OverlapsWhenSomeValueSatisfiesBoth(int lowA, int? highA, int lowB, int? highB, bool expected)
    {
        var a = new ImpliedInterval((decimal)lowA, (decimal?)highA);
        var b = new ImpliedInterval((decimal)lowB, (decimal?)highB);

        a.Overlaps(b).Should().Be(expected);
        b.Overlaps(a).Should().Be(expected, "overlap is symmetric");
    }

    [Fact]
    public void DescribesUnboundedIntervals()
    {
        new ImpliedInterval(10000, null).ToString().Should().Be("10,000 or more");
        new ImpliedInterval(1350, 1500).ToString().Should().Be("1,350 to 1,500");
    }
}
