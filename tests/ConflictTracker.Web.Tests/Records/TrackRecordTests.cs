using System.Security.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>A confirmed contradiction counts against the side the reviewer judged wrong, not both; one nobody judged
/// is unresolved (docs/rules/contradictions.md, "Which side is wrong").</summary>
public class TrackRecordTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly IAccess Reviewer = TestAccess.For(
        new ClaimsPrincipal(
            new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "rui@example.org"), new Claim(ClaimTypes.Role, Roles.Reviewer)],
                "Test"
            )
        ),
        new SecurityOptions()
    );

    private ReviewService Review() => new(fixture.Database.ContextFactory, Reviewer, TimeProvider.System);

    private ActorDetailsService Actors() => new(fixture.Database.ContextFactory, Analyst);

    /// <summary>The sample saved: the spokesman's published affirmation and the outlet's denial, which the rules pair
    /// as a candidate.</summary>
    private async Task<(Sample Sample, ContradictionCandidate Candidate)> PairAsync()
    {
        var sample = new Sample();
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "editor@example.org";
        sample.AddTo(db);
        await db.SaveChangesAsync();
        var candidate = await db
            .Candidates.AsNoTracking()
            .SingleAsync(c =>
                c.Rule == CandidateRule.OpposedStances
                && (c.FirstClaimId == sample.Claim.Id || c.SecondClaimId == sample.Claim.Id)
            );
        return (sample, candidate);
    }

    [Fact]
    public async Task ACandidateConfirmedWithTheDenialJudgedWrongCountsAgainstTheOutletOnly()
    {
        var (sample, candidate) = await PairAsync();

        var relationId = await Review()
            .ConfirmCandidateAsync(candidate.Id, "The NIS figure stands.", candidate.Version, sample.Denial.Id);

        await using (var db = fixture.Database.CreateContext())
        {
            (await db.Relations.SingleAsync(r => r.Id == relationId)).WrongClaimId.Should().Be(sample.Denial.Id);
        }

        (await Actors().GetAsync(sample.Outlet.Id))!
            .TrackRecord.Should()
            .Be(new TrackRecord(1, Contradicted: 1, 0, 0, Unresolved: 0));
        (await Actors().GetAsync(sample.Spokesman.Id))!
            .TrackRecord.Should()
            .Be(new TrackRecord(1, Contradicted: 0, 0, 0, Unresolved: 0), "the other side was judged right");
        (await Actors().GetAsync(sample.Agency.Id))!.TrackRecord.Contradicted.Should().Be(0);
    }

    [Fact]
    public async Task CantTellLeavesTheContradictionUnresolvedOnBothSides()
    {
        var (sample, candidate) = await PairAsync();

        await Review().ConfirmCandidateAsync(candidate.Id, null, candidate.Version, wrongClaimId: null);

        (await Actors().GetAsync(sample.Outlet.Id))!.TrackRecord.Should().Be(new TrackRecord(1, 0, 0, 0, 1));
        (await Actors().GetAsync(sample.Spokesman.Id))!.TrackRecord.Should().Be(new TrackRecord(1, 0, 0, 0, 1));
    }

    [Fact]
    public async Task AProposedRelationIsJudgedWhenConfirmedAndAClaimOutsideItIsRefused()
    {
        var (sample, _) = await PairAsync();
        var proposer = new ReviewService(
            fixture.Database.ContextFactory,
            TestAccess.As(Roles.Editor),
            TimeProvider.System
        );
        var relationId = await proposer.ProposeRelationAsync(
            sample.Denial.Id,
            sample.Claim.Id,
            RelationType.Contradicts,
            "The outlet denies the ferrying."
        );

        var outside = () => Review().ReviewRelationAsync(relationId, ReviewState.Confirmed, null, null, Guid.NewGuid());
        (await outside.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(ClaimRelation.WrongClaimId));
        var dismissedWithSide = () =>
            Review()
                .ReviewRelationAsync(relationId, ReviewState.Dismissed, "Not the same event.", null, sample.Claim.Id);
        await dismissedWithSide.Should().ThrowAsync<DomainValidationException>("only a confirmation judges a side");

        await Review().ReviewRelationAsync(relationId, ReviewState.Confirmed, null, null, sample.Claim.Id);

        (await Actors().GetAsync(sample.Spokesman.Id))!.TrackRecord.Contradicted.Should().Be(1);
        (await Actors().GetAsync(sample.Outlet.Id))!.TrackRecord.Contradicted.Should().Be(0);
    }
}
