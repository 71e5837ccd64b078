namespace ConflictTracker.Intake.Tests;

public sealed class QuoteMatcherTests
{
    private const string Text =
        "Peskov said: \u201CThis is yet another piece of disinformation \u2014 nothing more.\u201D\nHe   added that it was \u2018no one\u2019s business\u2019.";

    [Fact]
    public void AQuoteCopiedCharacterForCharacterIsAnExactMatch()
    {
        var location = QuoteMatcher.Locate(Text, "yet another piece of disinformation");

        location.Match.Should().Be(QuoteMatch.Exact);
        Text[location.Start..location.End].Should().Be("yet another piece of disinformation");
    }

    [Fact]
    public void StraightQuotationMarksMatchCurlyOnesAfterNormalising()
    {
        var location = QuoteMatcher.Locate(Text, "it was 'no one's business'");

        location.Match.Should().Be(QuoteMatch.Normalised);
        Text[location.Start..location.End].Should().Be("it was \u2018no one\u2019s business\u2019");
    }

    [Fact]
    public void AHyphenMatchesADashAfterNormalising()
    {
        var location = QuoteMatcher.Locate(Text, "disinformation - nothing more.");

        location.Match.Should().Be(QuoteMatch.Normalised);
        Text[location.Start..location.End].Should().Be("disinformation \u2014 nothing more.");
    }

    [Fact]
    public void AnyRunOfWhitespaceMatchesOneSpaceAndQuotationMarksAroundTheQuoteAreIgnored()
    {
        var location = QuoteMatcher.Locate(Text, "\"He added that\"");

        location.Match.Should().Be(QuoteMatch.Normalised);
        Text[location.Start..location.End].Should().Be("He   added that");
    }

    [Fact]
    public void AChangedWordIsNotFound()
    {
        QuoteMatcher.Locate(Text, "yet another piece of propaganda").Should().Be(QuoteLocation.None);
        QuoteMatcher.Locate(Text, "YET ANOTHER piece of disinformation").Found.Should().BeFalse();
    }

    [Fact]
    public void AnEmptyQuoteIsNotFound()
    {
        QuoteMatcher.Locate(Text, "   ").Match.Should().Be(QuoteMatch.NotFound);
        QuoteMatcher.Locate(Text, null).Match.Should().Be(QuoteMatch.NotFound);
    }
}
