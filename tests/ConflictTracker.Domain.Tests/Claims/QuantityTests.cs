using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class QuantityTests
{
    // Each qualifier's documented interval (docs/rules/qualifier-intervals.md), with the seed article's figures.
    [Theory]
    [InlineData(1500, null, QuantityQualifier.Nearly, 1350, 1500)] // NIS: "nearly 1,500"
    [InlineData(11000, null, QuantityQualifier.Nearly, 9900, 11000)] // Budanov: "nearly 11,000"
    [InlineData(10000, null, QuantityQualifier.AtLeast, 10000, null)] // Shin: "at least 10,000 containers"
    [InlineData(4800000, null, QuantityQualifier.AtMost, 0, 4800000)] // Shin: "as many as 4.8 million shells"
    [InlineData(2600, null, QuantityQualifier.Exact, 2600, 2600)] // Budanov: "2,600 to Kursk"
    [InlineData(2000, 9999, QuantityQualifier.Exact, 2000, 9999)] // Zelenskyy: "thousands"
    [InlineData(1000, null, QuantityQualifier.Approximately, 900, 1100)] // "about 1,000"
    [InlineData(2000, 5000, QuantityQualifier.Approximately, 1800, 5500)] // "a few thousand"
    [InlineData(0, null, QuantityQualifier.Exact, 0, 0)]
    public void EachQualifierImpliesItsDocumentedInterval(
        int min,
        int? max,
        QuantityQualifier qualifier,
        int low,
        int? high
    )
    {
        var quantity = Quantity.Create((decimal)min, (decimal?)max, qualifier);

        quantity.ImpliedInterval.Should().Be(new ImpliedInterval((decimal)low, (decimal?)high));
    }

    [Fact]
    public void RangeWhoseMinimumExceedsItsMaximumIsRefused()
    {
        var act = () => Quantity.Create(2000, 1500, QuantityQualifier.Exact);

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Should()
            .ContainKey("Quantity.Max")
            .WhoseValue.Should()
            .ContainSingle(m => m.Contains("2,000") && m.Contains("1,500"));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(-10, -5)]
    public void NegativeFiguresAreRefused(int min, int? max)
    {
        var act = () => Quantity.Create((decimal)min, (decimal?)max, QuantityQualifier.Exact);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Quantity.Min");
    }

    [Theory]
    [InlineData(QuantityQualifier.Nearly)]
    [InlineData(QuantityQualifier.AtLeast)]
    [InlineData(QuantityQualifier.AtMost)]
    public void OneSidedQualifiersTakeASingleFigureNotARange(QuantityQualifier qualifier)
    {
        var act = () => Quantity.Create(1000, 2000, qualifier);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Quantity.Qualifier");
    }

    [Fact]
    public void FiguresBeyondWhatCanBeStoredAreRefusedNotRounded()
    {
        var tooLarge = () => Quantity.Create(Quantity.Largest + 1, null, QuantityQualifier.Exact);
        var tooPrecise = () => Quantity.Create(1.23456m, null, QuantityQualifier.Exact);

        tooLarge.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Quantity.Max");
        tooPrecise.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Quantity.Min");
        Quantity.Create(4.8m, null, QuantityQualifier.AtMost).Max.Should().Be(4.8m);
    }

    [Fact]
    public void UnknownQualifierIsRefused()
    {
        var act = () => Quantity.Create(1, null, (QuantityQualifier)42);

        act.Should().Throw<DomainValidationException>();
    }

    [Theory]
    [InlineData(1500, null, QuantityQualifier.Nearly, "nearly 1,500 soldiers")]
    [InlineData(10000, null, QuantityQualifier.AtLeast, "at least 10,000 soldiers")]
    [InlineData(4800000, null, QuantityQualifier.AtMost, "up to 4,800,000 soldiers")]
    [InlineData(2600, null, QuantityQualifier.Exact, "2,600 soldiers")]
    [InlineData(2000, 9999, QuantityQualifier.Exact, "2,000 to 9,999 soldiers")]
    [InlineData(1000, null, QuantityQualifier.Approximately, "about 1,000 soldiers")]
    public void StatesTheFigureAsTheSpeakerPutIt(int min, int? max, QuantityQualifier qualifier, string expected)
    {
        Quantity.Create((decimal)min, (decimal?)max, qualifier).ToString("soldiers").Should().Be(expected);
    }
}
