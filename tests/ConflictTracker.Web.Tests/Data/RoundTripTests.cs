using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Data;

/// <summary>Every entity is saved and read back, by a fresh context, exactly as it was.</summary>
public class RoundTripTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task EveryEntityOfAClaimGraphRoundTrips()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateContext();

        var agency = await read.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == sample.Agency.Id);
        agency.Should().BeEquivalentTo(sample.Agency, o => o.Excluding(a => a.Version));
        agency.Version.Should().NotBe(0u, "the row version is PostgreSQL's xmin");

        (await read.Affiliations.SingleAsync(a => a.Id == sample.Affiliation.Id))
            .Should()
            .BeEquivalentTo(sample.Affiliation, o => o.Excluding(a => a.Version));
        (await read.Places.SingleAsync(p => p.Id == sample.Place.Id)).Should().BeEquivalentTo(sample.Place);
        (await read.Propositions.Include(p => p.Measures).SingleAsync(p => p.Id == sample.Proposition.Id))
            .Should()
            .BeEquivalentTo(sample.Proposition, o => o.Excluding(p => p.Version));

        var origin = await read.Sources.SingleAsync(s => s.Id == sample.Origin.Id);
        origin.Should().BeEquivalentTo(sample.Origin, o => o.Excluding(s => s.Version));
        origin.PublishedOn.Should().Be(PartialDate.Day(2024, 10, 18));
        (await read.Sources.SingleAsync(s => s.Id == sample.Report.Id))
            .PublishedOn.Should()
            .Be(PartialDate.Month(2024, 10));

        var claim = await read
            .Claims.Include(c => c.Citations)
            .Include(c => c.Places)
            .SingleAsync(c => c.Id == sample.Claim.Id);
        claim.Should().BeEquivalentTo(sample.Claim, o => o.Excluding(c => c.Version));
        claim.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(1350, 1500));
        claim.EventPeriod!.ToString().Should().Be("8 Oct 2024 – 13 Oct 2024");
        claim.Quote!.Text.Should().StartWith("러시아 해군이");
        claim.Citations.Should().ContainSingle(c => c.Role == CitationRole.FirstReport && c.DerivedFromId != null);
    }

    [Fact]
    public async Task OptionalValuesLeftEmptyReadBackAsEmpty()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateContext();
        var denial = await read.Claims.SingleAsync(c => c.Id == sample.Denial.Id);

        denial.Quantity.Should().BeNull();
        denial.Quote.Should().BeNull();
        denial.EventPeriod.Should().BeNull();
        denial.MeasureId.Should().BeNull();
        denial.StatedOn.Should().Be(PartialDate.Month(2024, 10));
    }

    [Fact]
    public async Task RelationsFlagsAndHistoryRoundTrip()
    {
        var sample = new Sample();
        var relation = ClaimRelation.Propose(
            sample.Claim,
            sample.Denial,
            RelationType.Contradicts,
            "One affirms, the other denies",
            "ana@example.org",
            sample.Now
        );
        relation.Review(ReviewState.Confirmed, "rui@example.org", "Checked both sources", sample.Now.AddHours(2));
        var flag = Flag.OnRelation(
            relation,
            FlagKind.WeakSource,
            "The denial has no origin",
            "rui@example.org",
            sample.Now
        );
        var claimFlag = Flag.OnClaim(
            sample.Claim,
            FlagKind.TranslationNeeded,
            "Check the Korean",
            "rui@example.org",
            sample.Now
        );
        claimFlag.Close(FlagStatus.Resolved, "Translation checked", "ana@example.org", sample.Now.AddDays(1));
        var change = new ChangeRecord(
            "Claim",
            sample.Claim.Id,
            ChangeAction.Created,
            "ana@example.org",
            sample.Now,
            """{"Summary": {"before": null, "after": "Nearly 1,500"}}"""
        );

        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.AddRange(relation, flag, claimFlag, change);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateContext();
        (await read.Relations.SingleAsync(r => r.Id == relation.Id))
            .Should()
            .BeEquivalentTo(relation, o => o.Excluding(r => r.Version));
        (await read.Flags.SingleAsync(f => f.Id == flag.Id))
            .Should()
            .BeEquivalentTo(flag, o => o.Excluding(f => f.Version));
        (await read.Flags.SingleAsync(f => f.Id == claimFlag.Id))
            .Should()
            .BeEquivalentTo(claimFlag, o => o.Excluding(f => f.Version));
        var stored = await read.ChangeHistory.SingleAsync(c =>
            c.EntityId == sample.Claim.Id && c.ChangedBy == "ana@example.org"
        );
        stored.Should().BeEquivalentTo(change, o => o.Excluding(c => c.Id).Excluding(c => c.Changes));
        stored.Id.Should().BePositive();
        stored.Changes.Should().Contain("Nearly 1,500");
    }
}
