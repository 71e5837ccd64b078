using System.Security.Claims;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Editing;

/// <summary>The editor's main flow on the demo data in PostgreSQL: new sourced statements, bad input, concurrent
/// edits.</summary>
public class StatementEditorTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly IAccess Editor = TestAccess.As(Roles.Editor);
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Vladivostok = DemoIds.For("place", "vladivostok");

    private StatementEditorService Service(IAccess? access = null) =>
        new(fixture.Database.ContextFactory, access ?? Editor, TimeProvider.System);

    private static StatementInput NisStyle(string tag) =>
        new()
        {
            PropositionId = Deployment,
            NewActor = new NewActorInput($"Defence Intelligence Agency {tag}", ActorKind.IntelligenceService, "KR"),
            Stance = Stance.Affirms,
            Summary = $"About 3,000 more North Korean soldiers were moved to Russia ({tag}).",
            StatedOn = "2024-10-23",
            EventStart = "2024-10",
            QuoteText = "약 3,000명이 추가로 이동했다",
            QuoteLanguage = "ko",
            Translation = "About 3,000 more were moved",
            TranslationLanguage = "en",
            MeasureId = DemoIds.For("measure", "sent-to-russia"),
            QuantityMin = 3000,
            QuantityQualifier = QuantityQualifier.Approximately,
            PlaceIds = [Vladivostok],
            Status = ClaimStatus.Published,
            NewSource = new NewSourceInput(
                SourceKind.OfficialStatement,
                $"Briefing to the National Assembly {tag}",
                "https://example.org/briefing",
                null,
                "2024-10-23",
                "ko",
                ReliabilityGrade.B
            ),
            CitationRole = CitationRole.Origin,
        };

    private static IAccess EditorNamed(string email) =>
        TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, Roles.Editor)],
                    "Test"
                )
            ),
            new SecurityOptions()
        );

    private async Task<(int Claims, int Actors, int Sources, int History)> CountsAsync()
    {
        await using var db = fixture.Database.CreateContext();
        return (
            await db.Claims.CountAsync(),
            await db.Actors.CountAsync(),
            await db.Sources.CountAsync(),
            await db.ChangeHistory.CountAsync()
        );
    }

    [Fact]
    public async Task AnEditorEntersAStatementWithANewActorAndANewSourceAndAnalystsFindIt()
    {
        // Letters first: a tag of digits only would be read as a figure by the search box (docs/rules/search.md).
        var tag = "t" + Guid.NewGuid().ToString("N")[..6];

        var id = await Service().CreateAsync(NisStyle(tag));

        await using var db = fixture.Database.CreateContext();
        var claim = await db.Claims.Include(c => c.Citations).Include(c => c.Places).SingleAsync(c => c.Id == id);
        claim.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(2700, 3300));
        claim.EventPeriod!.ToString().Should().Be("Oct 2024");
        claim.Citations.Should().ContainSingle().Which.Role.Should().Be(CitationRole.Origin);
        claim.Places.Select(p => p.Id).Should().Equal(Vladivostok);
        (await db.Actors.SingleAsync(a => a.Id == claim.AssertedById)).Name.Should().Contain(tag);
        var history = await db.ChangeHistory.Where(c => c.EntityId == id).ToListAsync();
        history.Should().OnlyContain(c => c.ChangedBy == "editor@test.example");
        history.Should().Contain(c => c.Action == ChangeAction.Created && c.EntityType == "Claim");

        var found = await new ClaimSearchService(fixture.Database.ContextFactory, Analyst).SearchAsync(
            new ClaimQuery { Text = "Defence Intelligence Agency " + tag }
        );
        found.Items.Select(i => i.Id).Should().Contain(id);
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsStored()
    {
        var before = await CountsAsync();
        var bad = NisStyle("bad") with
        {
            Summary = new string('x', 100_000),
            EventStart = "2024-10-13",
            EventEnd = "2024-10-08",
            QuantityMin = 1500,
            QuantityMax = 1350,
            NewActor = new NewActorInput("Bad\u0007Name", ActorKind.Person, "KR"),
            OnBehalfOfId = Guid.NewGuid(),
            NewSource = new NewSourceInput(
                SourceKind.Article,
                "A title",
                "javascript:alert(1)",
                null,
                "yesterday",
                "en",
                null
            ),
        };

        var act = () => Service().CreateAsync(bad);

        var errors = (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors;
        errors
            .Keys.Should()
            .Contain([
                "Summary",
                "EventPeriod",
                "Quantity.Max",
                "Name",
                "OnBehalfOfId",
                "Url",
                "NewSource.PublishedOn",
            ]);
        errors["Url"].Should().Contain(m => m.Contains("http://", StringComparison.Ordinal));
        (await CountsAsync())
            .Should()
            .Be(before, "a refused statement stores nothing, not even its new actor or source");
    }

    [Fact]
    public async Task AnUnknownActorIdIsAClearErrorNotACrash()
    {
        var act = () => Service().CreateAsync(NisStyle("x") with { NewActor = null, ActorId = Guid.NewGuid() });

        (await act.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors["ActorId"]
            .Should()
            .Equal("That actor does not exist.");
    }

    [Fact]
    public async Task ScriptInAQuoteIsStoredAsText()
    {
        var id = await Service()
            .CreateAsync(
                NisStyle(Guid.NewGuid().ToString("N")[..6]) with
                {
                    QuoteText = "<script>alert('x')</script> 1,500",
                    QuoteLanguage = "en",
                    Translation = null,
                    TranslationLanguage = null,
                }
            );

        await using var db = fixture.Database.CreateContext();
        (await db.Claims.SingleAsync(c => c.Id == id)).Quote!.Text.Should().Be("<script>alert('x')</script> 1,500");
    }

    [Fact]
    public async Task AnalystsCannotEnterStatements()
    {
        var act = () => Service(Analyst).CreateAsync(NisStyle("analyst"));

        await act.Should().ThrowAsync<AccessDeniedException>();
    }

    [Fact]
    public async Task OfTwoConcurrentEditsExactlyOneWinsAndTheOtherSeesWhatChanged()
    {
        var id = await Service().CreateAsync(NisStyle(Guid.NewGuid().ToString("N")[..6]));
        var ana = EditorNamed("ana@example.org");
        var rui = EditorNamed("rui@example.org");
        var (anaForm, anaVersion) = (await Service(ana).LoadAsync(id))!.Value;
        var (ruiForm, ruiVersion) = (await Service(rui).LoadAsync(id))!.Value;

        var first = Service(ana).UpdateAsync(id, anaVersion, anaForm with { Summary = "Ana's wording." });
        await first;
        var second = () => Service(rui).UpdateAsync(id, ruiVersion, ruiForm with { Stance = Stance.Hedges });

        var conflict = (await second.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.ChangedBy.Should().Be("ana@example.org");
        conflict.TheirChanges.Should().ContainSingle(f => f.Field == "Summary" && f.After == "Ana's wording.");
        await using (var db = fixture.Database.CreateContext())
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == id);
            claim.Summary.Should().Be("Ana's wording.");
            claim.Stance.Should().Be(Stance.Affirms, "Rui's edit was refused, not merged silently");
            (
                await db.ChangeHistory.CountAsync(c =>
                    c.EntityId == id && c.Action == ChangeAction.Updated && c.EntityType == "Claim"
                )
            )
                .Should()
                .Be(1);
        }

        // Re-applied on top of Ana's version, Rui's change goes through and keeps hers.
        var (current, version) = (await Service(rui).LoadAsync(id))!.Value;
        version.Should().Be(conflict.CurrentVersion);
        await Service(rui).UpdateAsync(id, version, current with { Stance = Stance.Hedges });
        await using var after = fixture.Database.CreateContext();
        var merged = await after.Claims.SingleAsync(c => c.Id == id);
        (merged.Summary, merged.Stance).Should().Be(("Ana's wording.", Stance.Hedges));
    }

    [Fact]
    public async Task RetractAndRestoreGoThroughTheServiceWithHistory()
    {
        var id = await Service().CreateAsync(NisStyle(Guid.NewGuid().ToString("N")[..6]));
        var (_, version) = (await Service().LoadAsync(id))!.Value;

        var noReason = () => Service().RetractAsync(id, version, "");
        (await noReason.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey("RetractionReason");
        await Service().RetractAsync(id, version, "Duplicate of the NIS briefing.");
        var (_, retracted) = (await Service().LoadAsync(id))!.Value;
        await Service().RestoreAsync(id, retracted);

        await using var db = fixture.Database.CreateContext();
        (await db.ChangeHistory.Where(c => c.EntityId == id).Select(c => c.Action).ToListAsync())
            .Should()
            .Contain([ChangeAction.Retracted, ChangeAction.Restored]);
    }

    [Fact]
    public async Task ASimilarClaimByTheSameActorOnTheSamePropositionIsFound()
    {
        var similar = await Service()
            .SimilarAsync(
                DemoIds.For("actor", "nis"),
                Deployment,
                "Russia's navy ferried nearly 1,500 North Korean soldiers to Vladivostok between 8 and 13 October."
            );

        similar.Should().ContainSingle().Which.Id.Should().Be(DemoIds.For("claim", "nis-1500-vladivostok"));
        (await Service().SimilarAsync(DemoIds.For("actor", "nis"), Deployment, "Pyongyang denies everything."))
            .Should()
            .BeEmpty();
    }

    [Fact]
    public async Task TheChainGrowsFromTheOriginAndKeepsItsRules()
    {
        var id = await Service().CreateAsync(NisStyle(Guid.NewGuid().ToString("N")[..6]));
        var origin = (await Service().CitationsAsync(id)).Single();
        var (_, version) = (await Service().LoadAsync(id))!.Value;

        await Service()
            .AddCitationAsync(
                id,
                version,
                new CitationInput(
                    DemoIds.For("source", "seed-article"),
                    CitationRole.Republication,
                    origin.Id,
                    "about 3,000",
                    "para. 3"
                )
            );

        var chain = await Service().CitationsAsync(id);
        chain.Should().ContainSingle(c => c.Role == CitationRole.Republication && c.DerivedFromId == origin.Id);
        var (_, after) = (await Service().LoadAsync(id))!.Value;
        after.Should().NotBe(version, "adding to the chain is a change of the claim");
        var secondOrigin = () =>
            Service()
                .AddCitationAsync(
                    id,
                    after,
                    new CitationInput(DemoIds.For("source", "nis-2024-10-18"), CitationRole.Origin, null, null, null)
                );
        (await secondOrigin.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey("Citation.Role");
        var stale = () =>
            Service()
                .AddCitationAsync(
                    id,
                    version,
                    new CitationInput(
                        DemoIds.For("source", "nis-2024-10-18"),
                        CitationRole.FirstReport,
                        null,
                        null,
                        null
                    )
                );
        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
    }

    [Fact]
    public async Task ChangingOnlyThePlacesStillRefusesAnEditMadeOnTheOldVersion()
    {
        var id = await Service().CreateAsync(NisStyle(Guid.NewGuid().ToString("N")[..6]));
        var (form, version) = (await Service().LoadAsync(id))!.Value;

        await Service().UpdateAsync(id, version, form with { PlaceIds = [] });
        var stale = () => Service().UpdateAsync(id, version, form with { Summary = "Reworded on the old version." });

        var conflict = (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.TheirChanges.Should().Contain(f => f.Field == "ClaimPlace Place" && f.After == null);
        await using var db = fixture.Database.CreateContext();
        (await db.Claims.Include(c => c.Places).SingleAsync(c => c.Id == id))
            .Places.Should()
            .BeEmpty("the place stays removed");
    }
}
