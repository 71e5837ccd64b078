using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;

namespace ConflictTracker.Domain.Tests.Relations;

public class ClaimRelationTests
{
    [Fact]
    public void ProposerCannotReviewTheirOwnRelation()
    {
        var relation = ClaimRelation.Propose(
            Make.Claim(),
            Make.Claim(stance: Stance.Denies),
            RelationType.Contradicts,
            "Affirms vs denies",
            "ana@example.org",
            Make.Now
        );

        var act = () => relation.Review(ReviewState.Confirmed, "ANA@example.org", null, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("ReviewedBy");
        relation.State.Should().Be(ReviewState.Proposed);
    }

    [Fact]
    public void AnotherReviewerConfirms()
    {
        var relation = ClaimRelation.Propose(
            Make.Claim(),
            Make.Claim(stance: Stance.Denies),
            RelationType.Contradicts,
            "Affirms vs denies",
            "ana@example.org",
            Make.Now
        );

        relation.Review(ReviewState.Confirmed, "rui@example.org", null, Make.Now.AddHours(1));

        relation.State.Should().Be(ReviewState.Confirmed);
        relation.ReviewedBy.Should().Be("rui@example.org");
    }

    [Fact]
    public void RelationIsReviewedOnce()
    {
        var relation = ClaimRelation.Propose(
            Make.Claim(),
            Make.Claim(stance: Stance.Denies),
            RelationType.Contradicts,
            "Affirms vs denies",
            "ana@example.org",
            Make.Now
        );
        relation.Review(ReviewState.Dismissed, "rui@example.org", "Different periods", Make.Now);

        var act = () => relation.Review(ReviewState.Confirmed, "eva@example.org", null, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("State");
        relation.State.Should().Be(ReviewState.Dismissed);
    }

    [Fact]
    public void DismissalNeedsAReason()
    {
        var relation = ClaimRelation.Propose(
            Make.Claim(),
            Make.Claim(),
            RelationType.Corroborates,
            "Same figure",
            "ana@example.org",
            Make.Now
        );

        var act = () => relation.Review(ReviewState.Dismissed, "rui@example.org", " ", Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("ReviewNote");
    }

    [Fact]
    public void OnlyTheSameActorSupersedesItsOwnClaim()
    {
        var act = () =>
            ClaimRelation.Propose(
                Make.Claim(actor: Make.Actor("A")),
                Make.Claim(actor: Make.Actor("B")),
                RelationType.Supersedes,
                "Updated figure",
                "ana@example.org",
                Make.Now
            );

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Type");
    }

    [Fact]
    public void TwoSpokesmenOfOneBodyAreOneVoiceThatCanSupersedeItsFigure()
    {
        var ministry = Make.Actor("Ministry of Defence", Domain.Actors.ActorKind.GovernmentBody);
        var proposition = Make.Proposition();
        var earlier = Claim.Create(
            Make.NewClaim(proposition, Make.Actor("Spokesman A", Domain.Actors.ActorKind.Person)) with
            {
                OnBehalfOf = ministry,
            },
            Make.Now
        );
        var later = Claim.Create(
            Make.NewClaim(proposition, Make.Actor("Spokesman B", Domain.Actors.ActorKind.Person)) with
            {
                OnBehalfOf = ministry,
            },
            Make.Now
        );

        ClaimRelation
            .Propose(
                later,
                earlier,
                RelationType.Supersedes,
                "The ministry's updated figure",
                "ana@example.org",
                Make.Now
            )
            .Type.Should()
            .Be(RelationType.Supersedes);
    }

    [Fact]
    public void ClaimCannotRelateToItself()
    {
        var claim = Make.Claim();

        var act = () =>
            ClaimRelation.Propose(claim, claim, RelationType.Corroborates, "Same", "ana@example.org", Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("ToClaimId");
    }
}
