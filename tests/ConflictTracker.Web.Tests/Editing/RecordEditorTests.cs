using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Editing;

/// <summary>Actor, source and proposition forms through their service, on PostgreSQL.</summary>
public class RecordEditorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private ActorEditorService Actors(IAccess? access = null) =>
        new(fixture.Database.ContextFactory, access ?? TestAccess.As(Roles.Editor));

    private SourceEditorService Sources(IAccess? access = null) =>
        new(fixture.Database.ContextFactory, access ?? TestAccess.As(Roles.Editor));

    private PropositionEditorService Propositions(IAccess? access = null) =>
        new(fixture.Database.ContextFactory, access ?? TestAccess.As(Roles.Editor));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AnActorIsCreatedRevisedAndGivenAliasesAndARoleWithHistory()
    {
        var service = Actors();
        var ministry = await service.SaveActorAsync(
            null,
            0,
            new ActorInput(
                $"Ministry of National Defense {Tag()}",
                ActorKind.GovernmentBody,
                "KR",
                null,
                ReliabilityGrade.B
            )
        );
        var id = await service.SaveActorAsync(
            null,
            0,
            new ActorInput($"Kim Yong-hyun {Tag()}", ActorKind.Person, "KR", null, null)
        );

        var loaded = (await service.LoadActorAsync(id))!;
        await service.SaveActorAsync(
            id,
            loaded.Version,
            loaded.Input with
            {
                Description = "South Korea's defence minister from September 2024.",
            }
        );
        await service.AddAliasAsync(id, "김용현", "ko");
        await service.AddAffiliationAsync(
            id,
            new AffiliationInput(ministry, "Minister of National Defense", "2024-09-06", null, true)
        );

        await using var db = fixture.Database.CreateContext();
        var actor = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == id);
        actor.Description.Should().StartWith("South Korea's defence minister");
        var alias = actor.Aliases.Should().ContainSingle().Subject;
        (await db.Affiliations.SingleAsync(a => a.MemberId == id)).Role.Should().Be("Minister of National Defense");
        (await db.ChangeHistory.Where(c => c.EntityId == id).Select(c => c.EntityType + ":" + c.Action).ToListAsync())
            .Should()
            .Contain(["Actor:Created", "Actor:Updated", "ActorAlias:Updated"]);

        await service.RemoveAliasAsync(id, alias.Id);
        await using var after = fixture.Database.CreateContext();
        (await after.ActorAliases.AnyAsync(a => a.ActorId == id)).Should().BeFalse();
        var removal = await after
            .ChangeHistory.Where(c => c.EntityId == id && c.EntityType == "ActorAlias")
            .OrderBy(c => c.Id)
            .LastAsync();
        var name = System.Text.Json.JsonDocument.Parse(removal.Changes).RootElement.GetProperty("Name");
        (name.GetProperty("before").GetString(), name.GetProperty("after").ValueKind)
            .Should()
            .Be(("김용현", System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task BadInputOnEachFormIsRefusedWithItsFieldsAndNothingStored()
    {
        await using var before = fixture.Database.CreateContext();
        var counts = (
            await before.Actors.CountAsync(),
            await before.Sources.CountAsync(),
            await before.Propositions.CountAsync()
        );

        var actor = () => Actors().SaveActorAsync(null, 0, new ActorInput(" ", ActorKind.Person, "Korea", null, null));
        var source = () =>
            Sources()
                .SaveSourceAsync(
                    null,
                    0,
                    new SourceInput(
                        SourceKind.Article,
                        new string('t', 100_000),
                        "javascript:alert(1)",
                        Guid.NewGuid(),
                        "soon",
                        "2024-13-40",
                        "english!",
                        null,
                        "xyz",
                        null
                    )
                );
        var proposition = () => Propositions().SavePropositionAsync(null, 0, new PropositionInput("", null));

        (await actor.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Keys.Should()
            .BeEquivalentTo("Name", "CountryCode");
        (await source.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Keys.Should()
            .Contain(["Title", "Url", "PublisherId", "PublishedOn", "RetrievedOn", "Language", "ContentHash"]);
        (await proposition.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Keys.Should()
            .Equal("Statement");
        await using var after = fixture.Database.CreateContext();
        (await after.Actors.CountAsync(), await after.Sources.CountAsync(), await after.Propositions.CountAsync())
            .Should()
            .Be(counts);
    }

    [Fact]
    public async Task ASourceIsRetractedWithAReasonAndAStaleEditIsRefused()
    {
        var service = Sources();
        var id = await service.SaveSourceAsync(
            null,
            0,
            new SourceInput(
                SourceKind.Article,
                $"Report {Tag()}",
                "https://example.org/r",
                null,
                "2024-10",
                null,
                "en",
                null,
                null,
                ReliabilityGrade.C
            )
        );
        var first = (await service.LoadSourceAsync(id))!;
        await service.SaveSourceAsync(id, first.Version, first.Input with { Title = first.Input.Title + " (updated)" });

        var stale = () =>
            service.SaveSourceAsync(id, first.Version, first.Input with { Reliability = ReliabilityGrade.A });
        var conflict = (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.TheirChanges.Should().ContainSingle(f => f.Field == "Title");

        var current = (await service.LoadSourceAsync(id))!;
        var noReason = () => service.RetractSourceAsync(id, current.Version, null);
        await noReason.Should().ThrowAsync<DomainValidationException>();
        await service.RetractSourceAsync(id, current.Version, "The outlet deleted the report.");
        (await service.LoadSourceAsync(id))!.Retracted.Should().BeTrue();
        await using var db = fixture.Database.CreateContext();
        (await db.ChangeHistory.Where(c => c.EntityId == id).Select(c => c.Action).ToListAsync())
            .Should()
            .Contain(ChangeAction.Retracted);
    }

    [Fact]
    public async Task APropositionGetsAMeasureAndDuplicatesAreRefused()
    {
        var service = Propositions();
        var statement = $"North Korea sends engineers to Russia {Tag()}";
        var id = await service.SavePropositionAsync(
            null,
            0,
            new PropositionInput(statement, "Military engineers, not infantry.")
        );
        await service.AddMeasureAsync(id, "North Korean engineers in Russia", "engineers");

        var twice = () => service.AddMeasureAsync(id, "north korean engineers in russia", "people");
        (await twice.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Measure.Name");
        var again = () => service.SavePropositionAsync(null, 0, new PropositionInput(statement, null));
        (await again.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Statement");
    }

    [Fact]
    public async Task AnalystsCannotChangeRecords()
    {
        var analyst = TestAccess.As(Roles.Analyst);

        await (
            (Func<Task>)(
                () => Actors(analyst).SaveActorAsync(null, 0, new ActorInput("X", ActorKind.Person, null, null, null))
            )
        )
            .Should()
            .ThrowAsync<AccessDeniedException>();
        await ((Func<Task>)(() => Propositions(analyst).SavePropositionAsync(null, 0, new PropositionInput("X", null))))
            .Should()
            .ThrowAsync<AccessDeniedException>();
        await ((Func<Task>)(() => Sources(analyst).LoadSourceAsync(Guid.NewGuid())))
            .Should()
            .ThrowAsync<AccessDeniedException>();
    }

    [Fact]
    public async Task ASourcesPublisherCanBeCreatedWithIt()
    {
        var outlet = $"Yonhap News Agency {Tag()}";
        var id = await Sources()
            .SaveSourceAsync(
                null,
                0,
                new SourceInput(
                    SourceKind.Article,
                    $"NIS says 1,500 {Tag()}",
                    "https://example.org/yna",
                    null,
                    "2024-10-18",
                    null,
                    "ko",
                    null,
                    null,
                    null
                )
                {
                    NewPublisher = new NewActorInput(outlet, ActorKind.MediaOutlet, "KR"),
                }
            );

        await using var db = fixture.Database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.Id == id);
        (await db.Actors.SingleAsync(a => a.Id == source.PublisherId)).Name.Should().Be(outlet);

        var again = () =>
            Sources()
                .SaveSourceAsync(
                    null,
                    0,
                    new SourceInput(SourceKind.Article, "Another", null, null, null, null, null, null, null, null)
                    {
                        NewPublisher = new NewActorInput(outlet, ActorKind.MediaOutlet, "KR"),
                    }
                );
        (await again.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey("NewPublisher.Name");
    }
}
