using System.Security.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.History;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.History;

/// <summary>The history as people read it: names instead of ids, fields in words, the author's display name,
/// and the reason for a change given in the form (docs/rules/history.md).</summary>
public class HistoryReadingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private HistoryService History() => new(fixture.Database.ContextFactory, TestAccess.As(Roles.Analyst));

    /// <summary>An editor with an account named <paramref name="displayName"/>, as the service sees them.</summary>
    private async Task<IAccess> EditorAsync(string displayName)
    {
        var email = $"editor-{Guid.NewGuid():N}@test.example";
        await using (var db = fixture.Database.CreateContext())
        {
            db.Users.Add(
                new AppUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = displayName,
                }
            );
            await db.SaveChangesAsync();
        }

        var user = new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, Roles.Editor)], "Test")
        );
        return TestAccess.For(user, new SecurityOptions());
    }

    private static bool IsId(string? value) => Guid.TryParse(value, out var _);

    private async Task<Sample> SavedSampleAsync()
    {
        var sample = new Sample();
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "demo data";
        sample.AddTo(db);
        await db.SaveChangesAsync();
        return sample;
    }

    [Fact]
    public async Task AClaimsHistoryNamesThePlacesActorsAndSourcesItPointsAtAndReadsItsFieldsInWords()
    {
        var sample = await SavedSampleAsync();

        var history = await History().ForAsync(sample.Claim.Id);

        var created = history.Single(h => h.EntityType == "Claim");
        created.ChangedBy.Should().Be("demo data", "an author with no account is shown as stored");
        created.Fields.Should().Contain(f => f.Label == "Asserted by" && f.After == $"Actor: {sample.Spokesman.Name}");
        created.Fields.Should().Contain(f => f.Label == "On behalf of" && f.After == $"Actor: {sample.Agency.Name}");
        created
            .Fields.Should()
            .Contain(f => f.Label == "Proposition" && f.After == $"Proposition: {sample.Proposition.Statement}");
        created.Fields.Should().Contain(f => f.Label == "Stated on" && f.After == "2024-10-18");
        created.Fields.Should().Contain(f => f.Label == "Quantity · qualifier" && f.After == "Nearly");
        history
            .Single(h => h.EntityType == "ClaimPlace")
            .Fields.Should()
            .ContainSingle(f => f.Label == "Place")
            .Which.After.Should()
            .Be($"Place: {sample.Place.Name}");
        history
            .Where(h => h.EntityType == "Citation")
            .SelectMany(h => h.Fields)
            .Where(f => f.Field == "SourceId")
            .Select(f => f.After)
            .Should()
            .BeEquivalentTo($"Source: {sample.Origin.Title}", $"Source: {sample.Report.Title}");
        history
            .SelectMany(h => h.Fields)
            .SelectMany(f => new[] { f.Before, f.After })
            .Should()
            .NotContain(v => IsId(v), "every id names the record it points at");
    }

    [Fact]
    public async Task AnEditMadeInTheFormKeepsItsReasonAndTheHistoryNamesItsAuthor()
    {
        var sample = await SavedSampleAsync();
        var editor = await EditorAsync("Ji-woo Park");
        var actors = new ActorEditorService(fixture.Database.ContextFactory, editor);
        var loaded = (await actors.LoadActorAsync(sample.Spokesman.Id))!;

        await actors.SaveActorAsync(
            sample.Spokesman.Id,
            loaded.Version,
            loaded.Input with
            {
                Description = "Spokesman of the service since 2023.",
                Reason = "  Role confirmed by the NIS press office.  ",
            }
        );

        var latest = (await History().ForAsync(sample.Spokesman.Id))[0];
        latest.ChangedBy.Should().Be("Ji-woo Park");
        latest.Reason.Should().Be("Role confirmed by the NIS press office.");
        latest.Fields.Should().ContainSingle(f => f.Label == "Description");
    }

    [Fact]
    public async Task AStatementEditsReasonIsStoredWithEveryRowOfThatSaveOnly()
    {
        var sample = await SavedSampleAsync();
        var editor = await EditorAsync("Rui Costa");
        var statements = new StatementEditorService(fixture.Database.ContextFactory, editor, TimeProvider.System);
        var (input, version) = (await statements.LoadAsync(sample.Claim.Id))!.Value;

        await statements.UpdateAsync(
            sample.Claim.Id,
            version,
            input with
            {
                PlaceIds = [],
                Summary = input.Summary + " (NIS figure)",
                Reason = "The place is not named in the source.",
            }
        );

        var history = await History().ForAsync(sample.Claim.Id);
        var save = history.Where(h => h.ChangedBy == "Rui Costa").ToList();
        save.Select(h => h.EntityType).Should().BeEquivalentTo("Claim", "ClaimPlace");
        save.Should().OnlyContain(h => h.Reason == "The place is not named in the source.");
        history.Where(h => h.ChangedBy == "demo data").Should().OnlyContain(h => h.Reason == null);
        save.Single(h => h.EntityType == "ClaimPlace")
            .Fields.Single()
            .Before.Should()
            .Be($"Place: {sample.Place.Name}", "a removed place is named too");
    }

    [Fact]
    public async Task ATooLongReasonIsRefusedByNameAndNothingIsSaved()
    {
        var sample = await SavedSampleAsync();
        var actors = new ActorEditorService(fixture.Database.ContextFactory, await EditorAsync("Ana Silva"));
        var loaded = (await actors.LoadActorAsync(sample.Agency.Id))!;

        var save = () =>
            actors.SaveActorAsync(
                sample.Agency.Id,
                loaded.Version,
                loaded.Input with
                {
                    Description = "Changed",
                    Reason = new string('x', MaxLengths.ChangeReason + 1),
                }
            );

        (await save.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Reason");
        await using var db = fixture.Database.CreateContext();
        (await db.Actors.SingleAsync(a => a.Id == sample.Agency.Id)).Description.Should().NotBe("Changed");
        (
            await db.ChangeHistory.AnyAsync(c =>
                c.EntityId == sample.Agency.Id
                && c.EntityType == "Actor"
                && c.Action != Domain.History.ChangeAction.Created
            )
        )
            .Should()
            .BeFalse();
    }
}
