using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Tests.Claims;

/// <summary>The corroboration score of docs/rules/origin-counting.md.</summary>
public class CorroborationTests
{
    private static readonly Guid Briefing = Guid.NewGuid();

    private static ClaimEvidence Evidence(
        Guid? origin,
        ReliabilityGrade? grade,
        Credibility? credibility = null,
        Stance stance = Stance.Affirms
    ) => new(Guid.NewGuid(), stance, origin, origin is { } o ? [o] : [], grade, credibility);

    [Theory]
    [InlineData(ReliabilityGrade.A, 1.0)]
    [InlineData(ReliabilityGrade.B, 0.8)]
    [InlineData(ReliabilityGrade.C, 0.6)]
    [InlineData(ReliabilityGrade.D, 0.4)]
    [InlineData(ReliabilityGrade.E, 0.2)]
    [InlineData(ReliabilityGrade.F, 0.5)]
    [InlineData(null, 0.5)]
    public void ReliabilityWeightsFollowTheAdmiraltyScale(ReliabilityGrade? grade, double weight) =>
        Corroboration.ReliabilityWeight(grade).Should().Be((decimal)weight);

    [Theory]
    [InlineData(Credibility.Confirmed, 1.0)]
    [InlineData(Credibility.ProbablyTrue, 0.8)]
    [InlineData(Credibility.PossiblyTrue, 0.6)]
    [InlineData(Credibility.DoubtfullyTrue, 0.4)]
    [InlineData(Credibility.Improbable, 0.1)]
    [InlineData(Credibility.CannotBeJudged, 0.5)]
    [InlineData(null, 0.5)]
    public void CredibilityWeightsFollowTheAdmiraltyScale(Credibility? credibility, double weight) =>
        Corroboration.CredibilityWeight(credibility).Should().Be((decimal)weight);

    [Fact]
    public void OneConfirmedClaimFromACompletelyReliableOriginScoresOne() =>
        Corroboration
            .ByStance([Evidence(Briefing, ReliabilityGrade.A, Credibility.Confirmed)], [])
            .Single()
            .Score.Should()
            .Be(1.0m);

    [Fact]
    public void OutletsRepeatingOneBriefingScoreAsOneOriginWithItsStrongestClaim()
    {
        var claims = new[]
        {
            Evidence(Briefing, ReliabilityGrade.B, Credibility.ProbablyTrue),
            Evidence(Briefing, ReliabilityGrade.B),
            Evidence(Briefing, ReliabilityGrade.B, Credibility.DoubtfullyTrue),
        };

        var score = Corroboration.ByStance(claims, []).Single();

        score.VoiceWeights.Should().Equal(0.64m);
        score.Score.Should().Be(0.64m);
    }

    [Fact]
    public void TwoActorsWithTheirOwnEvidenceAddUp()
    {
        var seoul = Evidence(Guid.NewGuid(), ReliabilityGrade.B, Credibility.ProbablyTrue);
        var kyiv = Evidence(Guid.NewGuid(), ReliabilityGrade.C);

        Corroboration.ByStance([seoul, kyiv], []).Single().Score.Should().Be(0.64m + 0.30m);
    }

    [Fact]
    public void ARepeatsRelationMergesTwoOriginsIntoOne()
    {
        var seoul = Evidence(Guid.NewGuid(), ReliabilityGrade.B, Credibility.ProbablyTrue);
        var echo = Evidence(Guid.NewGuid(), ReliabilityGrade.C);

        Corroboration.ByStance([seoul, echo], [(echo.ClaimId, seoul.ClaimId)]).Single().Score.Should().Be(0.64m);
    }

    [Fact]
    public void AnImprobableClaimFromAnUnreliableOriginBarelyCounts() =>
        Corroboration
            .ByStance([Evidence(Guid.NewGuid(), ReliabilityGrade.E, Credibility.Improbable)], [])
            .Single()
            .Score.Should()
            .Be(0.02m);

    [Fact]
    public void EachStanceHasItsOwnScore()
    {
        var scores = Corroboration.ByStance(
            [Evidence(Guid.NewGuid(), ReliabilityGrade.A), Evidence(null, null, stance: Stance.Denies)],
            []
        );

        scores.Select(s => (s.Stance, s.Score)).Should().Equal((Stance.Affirms, 0.5m), (Stance.Denies, 0.25m));
    }
}
