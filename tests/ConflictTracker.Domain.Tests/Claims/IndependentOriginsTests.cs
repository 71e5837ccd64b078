using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Domain.Tests.Claims;

public class IndependentOriginsTests
{
    private static readonly Guid Briefing = Guid.NewGuid();

    [Fact]
    public void OutletsRepeatingOneBriefingAreManyReportsButOneOrigin()
    {
        var outlets = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var claim = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing, .. outlets]);

        IndependentOrigins.ByStance([claim]).Should().Equal(new StanceSupport(Stance.Affirms, 1, 6, 1));
    }

    [Fact]
    public void TwoActorsTracingToTheSameBriefingShareOneOrigin()
    {
        var agency = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing]);
        var president = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing, Guid.NewGuid()]);

        IndependentOrigins.ByStance([agency, president]).Single().IndependentOrigins.Should().Be(1);
    }

    [Fact]
    public void ActorsWithEvidenceOfTheirOwnCountTwice()
    {
        var seoul = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var kyiv = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);

        IndependentOrigins.ByStance([seoul, kyiv]).Single().IndependentOrigins.Should().Be(2);
    }

    [Fact]
    public void ClaimsWithoutAKnownOriginAreEachTheirOwn()
    {
        var article = Guid.NewGuid();
        var peskov = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, [article]);
        var other = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, [article]);

        IndependentOrigins.ByStance([peskov, other]).Should().Equal(new StanceSupport(Stance.Denies, 2, 1, 2));
    }

    [Fact]
    public void CountsEachStanceApart()
    {
        var affirm = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing]);
        var deny = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, []);

        IndependentOrigins.ByStance([deny, affirm]).Select(s => s.Stance).Should().Equal(Stance.Affirms, Stance.Denies);
    }

    [Fact]
    public void ARepeatsRelationMergesTwoOriginsAndMergingIsTransitive()
    {
        var seoul = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var outlet = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, null, [Guid.NewGuid()]);
        var blog = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var kyiv = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);

        IndependentOrigins.ByStance([seoul, outlet, blog, kyiv]).Single().IndependentOrigins.Should().Be(4);
        IndependentOrigins.ByStance([seoul, outlet, blog, kyiv], [(outlet.ClaimId, seoul.ClaimId)]).Single().IndependentOrigins.Should().Be(3);
        IndependentOrigins.ByStance([seoul, outlet, blog, kyiv], [(outlet.ClaimId, seoul.ClaimId), (blog.ClaimId, outlet.ClaimId)])
            .Single().IndependentOrigins.Should().Be(2, "the blog repeats the outlet, which repeats Seoul");
    }

    [Fact]
    public void RepeatsAcrossStancesDoNotMergeCountsWithinAStance()
    {
        var affirm = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var hedge = new ClaimEvidence(Guid.NewGuid(), Stance.Hedges, Guid.NewGuid(), []);

        var support = IndependentOrigins.ByStance([affirm, hedge], [(hedge.ClaimId, affirm.ClaimId)]);

        support.Select(s => (s.Stance, s.IndependentOrigins)).Should().Equal((Stance.Affirms, 1), (Stance.Hedges, 1));
    }
}
