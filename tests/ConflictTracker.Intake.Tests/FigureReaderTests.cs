using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Tests;

public sealed class FigureReaderTests
{
    [Theory]
    [InlineData("Russia's navy had ferried nearly 1,500 North Korean soldiers", 1500, null, QuantityQualifier.Nearly)]
    [InlineData("Seoul has detected at least 10,000 shipping containers", 10000, null, QuantityQualifier.AtLeast)]
    [InlineData("which could hold as many as 4.8 million artillery shells", 4_800_000, null, QuantityQualifier.AtMost)]
    [InlineData("more than 3,000 soldiers have been killed or wounded", 3000, null, QuantityQualifier.AtLeast)]
    [InlineData("about 12,000 soldiers remain in the region", 12000, null, QuantityQualifier.Approximately)]
    [InlineData("up to 12,000 soldiers were expected", 12000, null, QuantityQualifier.AtMost)]
    [InlineData("the first cadre of 2,600 soldiers would go to Kursk", 2600, null, QuantityQualifier.Exact)]
    [InlineData("between 1,500 and 2,000 troops", 1500.0, 2000.0, QuantityQualifier.Exact)]
    [InlineData("Russian forces had launched 45 assaults", 45, null, QuantityQualifier.Exact)]
    public void ReadsACountWithItsQualifier(string text, double min, double? max, QuantityQualifier qualifier)
    {
        var figure = FigureReader.Read(text).First();

        figure.Min.Should().Be((decimal)min);
        figure.Max.Should().Be(max is null ? null : (decimal)max);
        figure.Qualifier.Should().Be(qualifier);
    }

    [Theory]
    [InlineData("thousands of North Korean troops were on their way", 2000, 9999, QuantityQualifier.Exact)]
    [InlineData("a few thousand North Korean soldiers arriving", 2000, 5000, QuantityQualifier.Approximately)]
    [InlineData("hundreds of North Korean soldiers training", 200, 999, QuantityQualifier.Exact)]
    [InlineData("dozens of shipping containers stacked on the quay", 24, 99, QuantityQualifier.Exact)]
    [InlineData("tens of thousands of shells", 20000, 99999, QuantityQualifier.Exact)]
    public void ReadsVagueCountsAsTheRulesRangeThem(string text, int min, int max, QuantityQualifier qualifier)
    {
        var figure = FigureReader.Read(text).Single();

        (figure.Min, figure.Max, figure.Qualifier).Should().Be((min, (decimal?)max, qualifier));
    }

    [Theory]
    [InlineData("since July 2023 the shipments have grown")]
    [InlineData("in 2024, the deployment began")]
    [InlineData("on October 8 the minister spoke")]
    [InlineData("on December 30, 2023 a missile hit Kharkiv")]
    [InlineData("rounds of 152-millimeter artillery ammunition")]
    [InlineData("a Hwasong-11 series ballistic missile and KN-23 launchers")]
    [InlineData("a 20 percent rise over 10 years and 5 kilometres")]
    [InlineData("paid $300 million")]
    public void YearsDatesDesignationsAndMeasuresAreNotCounts(string text)
    {
        FigureReader.Read(text).Should().BeEmpty();
    }

    [Fact]
    public void TheCountNextToAUnitIsReadAndTheUnitNumberIsNot()
    {
        var figures = FigureReader.Read("as many as 3 million rounds of 152-millimeter artillery ammunition").ToList();

        figures.Should().ContainSingle();
        figures[0].Min.Should().Be(3_000_000m);
        figures[0].Qualifier.Should().Be(QuantityQualifier.AtMost);
        figures[0].Noun.Should().StartWith("rounds");
    }

    [Fact]
    public void AFigureBrokenOverALayoutLineBreakStillReads()
    {
        var text = ArticleText.Normalise("which could hold as many as 4.\n\n8 million artillery shells");

        FigureReader.Read(text).First().Min.Should().Be(4_800_000m);
    }

    [Fact]
    public void OffsetsAreShiftedIntoTheArticle()
    {
        var figure = FigureReader.Read("nearly 1,500 soldiers", 100).Single();

        (figure.Start, figure.End).Should().Be((100, 100 + "nearly 1,500 soldiers".Length));
    }
}
