using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class CredibilityRatingTests
{
    [Fact]
    public void AReviewerRatesAClaimWithANote()
    {
        var claim = Make.Claim();

        claim.Rate(Credibility.ProbablyTrue, "matches the satellite imagery");

        (claim.Credibility, claim.CredibilityNote)
            .Should()
            .Be((Credibility.ProbablyTrue, "matches the satellite imagery"));
    }

    [Fact]
    public void ANoteWithoutARatingIsRefused()
    {
        var claim = Make.Claim();

        claim
            .Invoking(c => c.Rate(null, "why?"))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Should()
            .ContainKey(nameof(Claim.CredibilityNote));
    }

    [Fact]
    public void AnUndefinedRatingIsRefused() =>
        Make.Claim().Invoking(c => c.Rate((Credibility)9, null)).Should().Throw<DomainValidationException>();

    [Fact]
    public void RevisingTheClaimKeepsTheReviewersRating()
    {
        var claim = Make.Claim();
        claim.Rate(Credibility.DoubtfullyTrue, null);
        var proposition = Make.Proposition();

        claim.Revise(Make.NewClaim(proposition) with { Credibility = Credibility.Confirmed }, Make.Now);

        claim.Credibility.Should().Be(Credibility.DoubtfullyTrue);
    }
}
