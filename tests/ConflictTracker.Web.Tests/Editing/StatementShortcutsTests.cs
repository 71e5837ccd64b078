using System.Security.Claims;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.History;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Editing;

/// <summary>
/// What the statement form saves without a detour through other forms: a new actor's role and other names, a new
/// measure, further citations; and what it offers: a previous statement to copy, the editor's last source, a warning
/// of a near-duplicate actor.
/// </summary>
public class StatementShortcutsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid UsGovernment = DemoIds.For("actor", "us-government");
    private static readonly Guid SeedArticle = DemoIds.For("source", "seed-article");

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

    private StatementEditorService Service(IAccess access) =>
        new(fixture.Database.ContextFactory, access, TimeProvider.System);

    private static StatementInput BlinkenLike(string tag) =>
        new()
        {
            PropositionId = Deployment,
            NewActor = new NewActorInput($"Antony Blinken {tag}", ActorKind.Person, "US")
            {
                Role = "Secretary of State",
                Aliases = [$"Энтони Блинкен {tag}", " "],
            },
            OnBehalfOfId = UsGovernment,
            Summary = $"About 8,000 North Korean soldiers have been moved to the Kursk region ({tag}).",
            StatedOn = "2024-10-31",
            NewMeasure = new NewMeasureInput($"North Korean soldiers in the Kursk region {tag}", "soldiers"),
            QuantityMin = 8000,
            QuantityQualifier = QuantityQualifier.Approximately,
            Status = ClaimStatus.Published,
            SourceId = SeedArticle,
            CitationRole = CitationRole.FirstReport,
            FurtherCitations =
            [
                new FurtherCitationInput(DemoIds.For("source", "bbc-lankov"), CitationRole.Republication, null, null),
            ],
        };

    [Fact]
    public async Task ANewActorsRoleAndOtherNamesANewMeasureAndASecondCitationAreSavedWithTheStatement()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];

        var id = await Service(EditorNamed($"blinken-{tag}@test.example")).CreateAsync(BlinkenLike(tag));

        await using var db = fixture.Database.CreateContext();
        var claim = await db.Claims.Include(c => c.Citations).SingleAsync(c => c.Id == id);
        var actor = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == claim.AssertedById);
        actor.Aliases.Select(a => a.Name).Should().Equal($"Энтони Блинкен {tag}");
        var role = await db.Affiliations.SingleAsync(a => a.MemberId == actor.Id);
        (role.OrganisationId, role.Role, role.SpeaksFor).Should().Be((UsGovernment, "Secretary of State", true));
        var measure = await db.Measures.SingleAsync(m => m.Id == claim.MeasureId);
        (measure.PropositionId, measure.Name, measure.Unit)
            .Should()
            .Be((Deployment, $"North Korean soldiers in the Kursk region {tag}", "soldiers"));
        claim.Citations.Should().HaveCount(2);
        var origin = claim.Citations.Single(c => c.SourceId == SeedArticle);
        claim
            .Citations.Single(c => c.SourceId != SeedArticle)
            .DerivedFromId.Should()
            .Be(origin.Id, "a further citation derives from the first");
        var history = await db.ChangeHistory.Where(h => h.ChangedBy == $"blinken-{tag}@test.example").ToListAsync();
        history
            .Select(h => (h.EntityType, h.EntityId))
            .Should()
            .Contain([("Claim", id), ("Actor", actor.Id), ("Affiliation", role.Id), ("Measure", Deployment)]);
    }

    [Fact]
    public async Task ARoleWithoutAnOrganisationOrABodySpokenForIsRefusedAndNothingIsStored()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var before = fixture.Database.CreateContext();
        var measures = await before.Measures.CountAsync();

        var act = () =>
            Service(EditorNamed("nobody@test.example"))
                .CreateAsync(
                    BlinkenLike(tag) with
                    {
                        OnBehalfOfId = null,
                        FurtherCitations = [new(null, default, null, null)],
                    }
                );

        var refused = (await act.Should().ThrowAsync<DomainValidationException>()).Which;
        refused.Errors.Keys.Should().Contain(["NewActor.RoleOrganisationId", "FurtherCitations.SourceId"]);
        await using var after = fixture.Database.CreateContext();
        (await after.Measures.CountAsync()).Should().Be(measures);
        (await after.Actors.AnyAsync(a => a.Name == $"Antony Blinken {tag}")).Should().BeFalse();
    }

    [Fact]
    public async Task TheEditorsLastStatementGivesItsSourceAndAPreviousStatementIsCopiedWithoutItsOwnParts()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var editor = Service(EditorNamed($"last-{tag}@test.example"));
        (await editor.LastSourceAsync()).Should().BeNull("this editor has entered nothing yet");
        (await editor.PreviousAsync(null)).Should().BeEmpty();

        var id = await editor.CreateAsync(BlinkenLike(tag));

        (await editor.LastSourceAsync())!.Id.Should().Be(SeedArticle);
        (await editor.PreviousAsync(null)).Select(c => c.Id).Should().Equal(id);
        (await editor.PreviousAsync("Solovey")).Should().NotBeEmpty("any statement can be found by its speaker");
        var copy = await editor.CopyAsync(DemoIds.For("claim", "solovey-first-evidence"));
        copy!.Proposition.Id.Should().Be(Deployment);
        copy.Source!.Id.Should().Be(SeedArticle);
        copy.QuoteLanguage.Should().Be("en");
    }

    [Fact]
    public async Task ANearDuplicateActorIsFoundByNameOrOtherName()
    {
        var actors = new ActorEditorService(fixture.Database.ContextFactory, TestAccess.As(Roles.Editor));

        (await actors.SimilarActorsAsync("Kyrylo Budanow")).Select(a => a.Name).Should().Contain("Kyrylo Budanov");
        var byAlias = await actors.SimilarActorsAsync("Кирило Буданов");
        byAlias.Select(a => a.Name).Should().Contain("Kyrylo Budanov");
        (await actors.SimilarActorsAsync("Antony Blinken")).Should().BeEmpty();
        (await actors.SimilarActorsAsync("Kyrylo Budanow", except: DemoIds.For("actor", "budanov")))
            .Select(a => a.Name)
            .Should()
            .NotContain("Kyrylo Budanov");
    }
}
