using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Features.Claims;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>How the search box is read: figures as people write them, comparisons, ranges, stance words.</summary>
public class SearchTextTests
{
    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("1,500", 1500)]
    [InlineData("1.500", 1500)]
    [InlineData("1 500", 1500)]
    [InlineData("1\u00A0500", 1500)] // no-break space
    [InlineData("1\u2009500", 1500)] // thin space
    [InlineData("11 000", 11000)]
    [InlineData("1'500", 1500)]
    [InlineData("1.500.000", 1500000)]
    [InlineData("1,500,000", 1500000)]
    [InlineData("1,500.5", 1500.5)]
    [InlineData("1.500,5", 1500.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5k", 1500)]
    [InlineData("1.5 k", 1500)]
    [InlineData("4.8 million", 4800000)]
    [InlineData("4.8m", 4800000)]
    [InlineData("2bn", 2000000000)]
    [InlineData("11 thousand", 11000)]
    public void ReadsAFigureWrittenAnyWayAsThatNumber(string typed, decimal value)
    {
        var query = SearchText.Parse(typed);

        Bounds(query.Figures.Should().ContainSingle().Subject).Should().Be((value, true, value, true));
        query.Words.Should().BeNull();
    }

    [Theory]
    [InlineData(">= 1000", 1000, true, null, false)]
    [InlineData("≥1000", 1000, true, null, false)]
    [InlineData("at least 1,000", 1000, true, null, false)]
    [InlineData("> 1000", 1000, false, null, false)]
    [InlineData("over 1000", 1000, false, null, false)]
    [InlineData("more than 1.000", 1000, false, null, false)]
    [InlineData("<= 1000", 0, true, 1000, true)]
    [InlineData("up to 1000", 0, true, 1000, true)]
    [InlineData("under 1000", 0, true, 1000, false)]
    [InlineData("fewer than 1000", 0, true, 1000, false)]
    [InlineData("1000-2000", 1000, true, 2000, true)]
    [InlineData("1,000 – 2,000", 1000, true, 2000, true)]
    [InlineData("1000 to 2000", 1000, true, 2000, true)]
    [InlineData("between 1000 and 2000", 1000, true, 2000, true)]
    [InlineData("between 2,000 and 1,000", 1000, true, 2000, true)]
    [InlineData("from 1k to 2k", 1000, true, 2000, true)]
    [InlineData("about 1000", 900, true, 1100, true)]
    [InlineData("~1000", 900, true, 1100, true)]
    [InlineData("nearly 1000", 900, true, 1000, true)]
    [InlineData("exactly 1000", 1000, true, 1000, true)]
    public void ReadsComparisonsAndRanges(string typed, decimal low, bool lowIn, int? high, bool highIn)
    {
        Bounds(SearchText.Parse(typed).Figures.Should().ContainSingle().Subject)
            .Should()
            .Be((low, lowIn, (decimal?)high, highIn));
    }

    [Fact]
    public void KeepsTheWordAfterAFigureAsItsPossibleUnitAndTheOtherWordsAsText()
    {
        var query = SearchText.Parse("budanov >= 1000 soldiers Kursk");

        query.Words.Should().Be("budanov Kursk");
        var figure = query.Figures.Should().ContainSingle().Subject;
        figure.Unit.Should().Be("soldiers");
        figure.Typed.Should().Be(">= 1000 soldiers");
        figure.Describe().Should().Be("at least 1,000 soldiers");
    }

    [Fact]
    public void AFigureFollowedByAConnectiveHasNoUnit()
    {
        var query = SearchText.Parse("1500 and Vladivostok");

        query.Figures.Should().ContainSingle().Which.Unit.Should().BeNull();
        query.Words.Should().Be("and Vladivostok");
    }

    [Theory]
    [InlineData("denied", Stance.Denies)]
    [InlineData("Kremlin denies", Stance.Denies)]
    [InlineData("rejected", Stance.Denies)]
    [InlineData("confirmed", Stance.Affirms)]
    [InlineData("affirmed", Stance.Affirms)]
    [InlineData("hedged", Stance.Hedges)]
    [InlineData("neutral", Stance.Neutral)]
    public void StanceWordsBecomeTheStance(string typed, Stance stance)
    {
        var query = SearchText.Parse(typed);

        query.Stances.Should().Equal(stance);
        query.Words.Should().NotContainEquivalentOf(typed.Split(' ')[^1]);
    }

    [Fact]
    public void QuotedTextIsSearchedAsWritten()
    {
        var query = SearchText.Parse("\"denied 1,500\" Kremlin");

        query.Figures.Should().BeEmpty();
        query.Stances.Should().BeEmpty();
        query.Words.Should().Be("\"denied 1,500\" Kremlin");
    }

    [Theory]
    [InlineData("Hwasong-11")] // a name with a number
    [InlineData("-1000")] // an excluded word
    [InlineData("A1000")]
    [InlineData("1000x")]
    public void NumbersInsideWordsAreNotFigures(string typed)
    {
        var query = SearchText.Parse(typed);

        query.Figures.Should().BeEmpty();
        query.Words.Should().Be(typed);
    }

    [Fact]
    public void SeveralFiguresAreAllKept()
    {
        SearchText
            .Parse("over 1000 under 5000 troops")
            .Figures.Select(f => f.Describe())
            .Should()
            .Equal("more than 1,000", "less than 5,000 troops");
    }

    private static (decimal, bool, decimal?, bool) Bounds(FigureCondition f) =>
        (f.Low, f.LowInclusive, f.High, f.HighInclusive);

    [Fact]
    public void NoTextIsNoQuery()
    {
        SearchText.Parse("  ").Should().Be(SearchQuery.Empty);
    }
}
