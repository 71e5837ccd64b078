using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Features.Propositions;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>The proposition page's support in plain sentences, not the counting's terms.</summary>
public class SupportWordingTests
{
    [Fact]
    public void EachStanceIsASentenceThatSaysWhyItsFiguresDiffer()
    {
        SupportWording
            .Sentence(new StanceSupport(Stance.Affirms, 7, 8, 5, 3))
            .Should()
            .Be(
                "Backed by 3 independent voices: 5 original statements, carried by 8 sources. "
                    + "A voice that spoke more than once counts once. Sources passing on the same statement count once."
            );
        SupportWording
            .Sentence(new StanceSupport(Stance.Denies, 1, 1, 1, 1))
            .Should()
            .Be("Denied by 1 independent voice: 1 original statement, carried by 1 source.");
        SupportWording
            .Sentence(new StanceSupport(Stance.Hedges, 2, 2, 2, 2))
            .Should()
            .StartWith("Allowed for, without asserting it, by 2 independent voices");
    }

    [Fact]
    public void TheSummaryNamesEveryStancesVoicesInOneLine()
    {
        SupportWording
            .Summary([
                new StanceSupport(Stance.Denies, 3, 3, 3, 2),
                new StanceSupport(Stance.Affirms, 12, 14, 10, 9),
                new StanceSupport(Stance.Neutral, 0, 0, 0, 0),
            ])
            .Should()
            .Be("Backed by 9 independent voices; denied by 2.");
        SupportWording
            .Summary([new StanceSupport(Stance.Denies, 1, 1, 1, 1)])
            .Should()
            .Be("Denied by 1 independent voice.");
        SupportWording.Summary([]).Should().Be("No published claim yet.");
    }

    [Fact]
    public void NoSentenceUsesTheCountingsTerms()
    {
        var words =
            SupportWording.Sentence(new StanceSupport(Stance.Affirms, 9, 9, 9, 9))
            + SupportWording.Summary([new StanceSupport(Stance.Affirms, 9, 9, 9, 9)]);

        words.Should().NotContainAny("origin document", "report", "stance", "Affirms");
    }
}
