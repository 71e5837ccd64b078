using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>Relations and flags as the claim and actor pages read them: dismissed and closed ones drop out.</summary>
public class RelatedRecordsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ClaimPageShowsLiveRelationsAndOpenFlagsOnly()
    {
        var sample = new Sample();
        var contradiction = ClaimRelation.Propose(
            sample.Denial,
            sample.Claim,
            RelationType.Contradicts,
            "One denies what the other affirms.",
            "editor@example.org",
            sample.Now
        );
        contradiction.Review(ReviewState.Confirmed, "reviewer@example.org", null, sample.Now.AddHours(1));
        var dismissed = ClaimRelation.Propose(
            sample.Claim,
            sample.Denial,
            RelationType.Corroborates,
            "Same event.",
            "editor@example.org",
            sample.Now
        );
        dismissed.Review(ReviewState.Dismissed, "reviewer@example.org", "They disagree.", sample.Now.AddHours(1));
        var open = Flag.OnClaim(
            sample.Claim,
            FlagKind.WeakSource,
            "Only one origin.",
            "reviewer@example.org",
            sample.Now
        );
        var closed = Flag.OnClaim(
            sample.Claim,
            FlagKind.TranslationNeeded,
            "Korean quote.",
            "reviewer@example.org",
            sample.Now
        );
        closed.Close(FlagStatus.Resolved, "Translated.", "editor@example.org", sample.Now.AddHours(2));
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.AddRange(contradiction, dismissed, open, closed);
            await db.SaveChangesAsync();
        }

        var claim = await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(sample.Claim.Id);

        claim!
            .Related.Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    Type = RelationType.Contradicts,
                    State = ReviewState.Confirmed,
                    Outgoing = false,
                    ClaimId = sample.Denial.Id,
                    Actor = sample.Outlet.Name,
                }
            );
        claim.OpenFlags.Should().ContainSingle().Which.Kind.Should().Be(FlagKind.WeakSource);
        claim.ActorRole.Should().Be($"Spokesman, {sample.Agency.Name}");

        var actors = new ActorDetailsService(fixture.Database.ContextFactory, Analyst);
        (await actors.GetAsync(sample.Spokesman.Id))!.TrackRecord.Should().Be(new TrackRecord(1, 0, 0, 0, 1));
        (await actors.GetAsync(sample.Agency.Id))!
            .TrackRecord.Should()
            .Be(new TrackRecord(1, 0, 0, 0, 1), "the spokesman spoke for the agency");
        (await actors.GetAsync(sample.Outlet.Id))!
            .TrackRecord.Should()
            .Be(new TrackRecord(1, 0, 0, 0, 1), "a contradiction nobody judged is unresolved, against neither side");
    }

    [Fact]
    public async Task ARoleHeldOnlyBeforeTheStatementIsNotNamed()
    {
        var sample = new Sample();
        var earlier = Affiliation.Create(
            sample.Spokesman,
            sample.Agency,
            "Deputy spokesman",
            new DateOnly(2020, 1, 1),
            new DateOnly(2022, 12, 31),
            speaksFor: true
        );
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.Add(earlier);
            db.Remove(sample.Affiliation);
            await db.SaveChangesAsync();
        }

        var claim = await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(sample.Claim.Id);

        claim!.ActorRole.Should().BeNull("the spokesman had left the post by October 2024");
    }

    [Fact]
    public async Task OutletsRepeatingOneBriefingCountAsOneOrigin()
    {
        var sample = new Sample();
        var outlets = Enumerable
            .Range(1, 3)
            .Select(i => Actor.Create($"Outlet {i} {Guid.NewGuid():N}", ActorKind.MediaOutlet, "KR"))
            .ToList();
        var reports = new List<Claim>();
        var articles = new List<Source>();
        foreach (var outlet in outlets)
        {
            var article = Source.Create(
                SourceKind.Article,
                $"{outlet.Name}: NIS says 1,500 soldiers moved",
                $"https://example.org/{outlet.Id}",
                outlet,
                PartialDate.Day(2024, 10, 18),
                null,
                "en"
            );
            var claim = Claim.Create(
                new NewClaim(
                    sample.Proposition,
                    sample.Agency,
                    PartialDate.Day(2024, 10, 18),
                    Stance.Affirms,
                    "The NIS said about 1,500 soldiers were moved."
                )
                {
                    Status = ClaimStatus.Published,
                },
                sample.Now
            );
            var origin = claim.Cite(sample.Origin, CitationRole.Origin, null, null);
            claim.Cite(article, CitationRole.FirstReport, null, null, origin);
            articles.Add(article);
            reports.Add(claim);
        }

        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.AddRange(outlets);
            db.AddRange(articles);
            db.AddRange(reports);
            await db.SaveChangesAsync();
        }

        var proposition = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            sample.Proposition.Id
        );

        // The sample's own claim also traces back to the NIS statement: four claims, one origin.
        proposition!
            .Support.Should()
            .Contain(
                new StanceSupport(Stance.Affirms, Claims: 4, Reports: 5, OriginDocuments: 1, IndependentVoices: 1)
            );
    }

    [Fact]
    public async Task AConfirmedRepeatsRelationMergesTwoOriginsOnThePropositionPage()
    {
        var sample = new Sample();
        var copy = Claim.Create(
            new NewClaim(
                sample.Proposition,
                sample.Outlet,
                PartialDate.Day(2024, 10, 19),
                Stance.Affirms,
                "The outlet's own account."
            )
            {
                Status = ClaimStatus.Published,
            },
            sample.Now
        );
        var repeats = ClaimRelation.Propose(
            copy,
            sample.Claim,
            RelationType.Repeats,
            "The outlet only repeats the agency's figure.",
            "editor@example.org",
            sample.Now
        );
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.AddRange(copy, repeats);
            await db.SaveChangesAsync();
        }

        var service = new PropositionDetailsService(fixture.Database.ContextFactory, Analyst);
        (await service.GetAsync(sample.Proposition.Id))!
            .Support.Single(s => s.Stance == Stance.Affirms)
            .OriginDocuments.Should()
            .Be(2, "a proposed relation does not count yet");

        await using (var db = fixture.Database.CreateContext())
        {
            var relation = await db.Relations.SingleAsync(r => r.Id == repeats.Id);
            relation.Review(ReviewState.Confirmed, "reviewer@example.org", null, sample.Now.AddHours(1));
            await db.SaveChangesAsync();
        }

        (await service.GetAsync(sample.Proposition.Id))!
            .Support.Single(s => s.Stance == Stance.Affirms)
            .OriginDocuments.Should()
            .Be(1);
    }

    [Fact]
    public async Task AConfirmedSupersedesIsListedAsAnUpdateNotAsAContradiction()
    {
        var sample = new Sample();
        var update = Claim.Create(
            new NewClaim(
                sample.Proposition,
                sample.Agency,
                PartialDate.Day(2024, 10, 19),
                Stance.Affirms,
                "The agency's newer account."
            )
            {
                Status = ClaimStatus.Published,
            },
            sample.Now
        );
        var supersedes = ClaimRelation.Propose(
            update,
            sample.Claim,
            RelationType.Supersedes,
            "The agency updated its figure.",
            "editor@example.org",
            sample.Now
        );
        supersedes.Review(ReviewState.Confirmed, "reviewer@example.org", null, sample.Now.AddHours(1));
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            db.AddRange(update, supersedes);
            await db.SaveChangesAsync();
        }

        var proposition = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            sample.Proposition.Id
        );

        proposition!.Conflicts.Should().BeEmpty("an update by the same voice is not a contradiction");
        proposition
            .Updates.Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(new { Type = RelationType.Supersedes, ClaimActor = sample.Agency.Name });
        proposition
            .Support.Single(s => s.Stance == Stance.Affirms)
            .IndependentVoices.Should()
            .Be(1, "two statements of one agency are one voice");
    }
}
