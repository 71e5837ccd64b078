using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.Alerts;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static ConflictTracker.Web.Tests.Alerts.AlertWorld;

namespace ConflictTracker.Web.Tests.Alerts;

/// <summary>Saving, renaming and removing searches: per user, unique names, history kept.</summary>
public class SavedSearchServiceTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private Testing.TestDatabase Database => fixture.Database;

    [Fact]
    public async Task ASearchIsSavedAsTheExplorersQueryWithAUniqueNamePerUser()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var other = await PersonAsync(Database, "Analyst");
        var searches = Searches(Database, analyst);

        var id = await searches.CreateAsync(
            "Budanov denials",
            "https://ct.example/claims?q=budanov&stance=Denies&after=abc&size=50",
            notify: true
        );
        var saved = await searches.GetAsync(id);
        saved!.Query.Should().Be("q=budanov&stance=Denies");
        saved.Link.Should().Be("/claims?q=budanov&stance=Denies");

        var again = () => searches.CreateAsync("budanov DENIALS", "q=x", notify: false);
        (await again.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Name");
        await Searches(Database, other).CreateAsync("Budanov denials", "q=x", notify: false);
        (await Searches(Database, other).GetAsync(id)).Should().BeNull("someone else's search is not found");

        var bad = () => searches.CreateAsync("Bad", "/claims?stance=Shouts&stated-from=2024-13-01", notify: true);
        (await bad.Should().ThrowAsync<DomainValidationException>()).Which.Errors["Query"].Should().HaveCount(2);
        var noName = () => searches.CreateAsync(" ", "q=x", notify: true);
        (await noName.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Name");

        var written = await searches.ChangeAsync(id, saved.Version, "Denials", saved.Query, notify: false);
        var stale = () => searches.ChangeAsync(id, saved.Version, "Old page", saved.Query, notify: true);
        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var changed = await searches.GetAsync(id);
        changed!.Name.Should().Be("Denials");
        changed.Version.Should().Be(written, "the API's ETag is the version the change wrote, read from its save");
        await searches.RemoveAsync(id, changed.Version);
        (await searches.GetAsync(id)).Should().BeNull();
        (await searches.ListAsync()).Should().BeEmpty();

        await using var db = Database.CreateContext();
        (await db.ChangeHistory.CountAsync(h => h.EntityId == id && h.EntityType == "SavedSearch")).Should().Be(3);
        var history = new Features.History.HistoryService(Database.ContextFactory, other.Access);
        (await history.ForAsync(id)).Should().BeEmpty("a saved search's history names its owner and query");
    }

    [Fact]
    public async Task ASearchTooLongOnceWrittenAsAnAddressIsRefusedNotStored()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var typed =
            "q="
            + new string('戦', 200)
            + $"&proposition={Guid.NewGuid()}&actor={Guid.NewGuid()}&place={Guid.NewGuid()}"
            + "&stance=Affirms&stance=Denies&stance=Hedges&stated-from=2024-01-01&stated-to=2024-12-31"
            + "&event-from=2024-01-01&event-to=2024-12-31";
        typed
            .Length.Should()
            .BeLessThan(ConflictTracker.Web.Data.Alerts.SavedSearch.MaxQueryLength, "what was typed fits");

        var save = () => Searches(Database, analyst).CreateAsync("Long", typed, notify: false);

        (await save.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors["Query"]
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("once written as an address");
    }
}
