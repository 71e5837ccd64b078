using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Search;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Records;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>The actor, source and place indexes, the synonym list, and slugs, on the demo data.</summary>
public class RecordIndexTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private RecordIndexService Index => new(fixture.Database.ContextFactory, Analyst);

    [Fact]
    public async Task ActorsAreListedByNameWithTheirPublishedClaims()
    {
        var page = await Index.ActorsAsync(new RecordQuery());

        page.Total.Should().Be(34);
        page.Items[0].Name.Should().Be("Al Jazeera");
        page.Items.Should().ContainSingle(r => r.Id == DemoIds.For("actor", "gur")).Which.Claims.Should().Be(3);
    }

    [Fact]
    public async Task ActorsSortByClaimsMostFirstAndFindByAlias()
    {
        var byClaims = await Index.ActorsAsync(new RecordQuery(Sort: RecordSort.Claims, Descending: true));
        byClaims.Items.Select(r => r.Claims).Should().BeInDescendingOrder();

        var found = await Index.ActorsAsync(new RecordQuery("Буданов"));
        found.Items.Should().ContainSingle().Which.Name.Should().Be("Kyrylo Budanov");
    }

    [Fact]
    public async Task SourcesAndPlacesCountTheClaimsCitingOrNamingThem()
    {
        var sources = await Index.SourcesAsync(new RecordQuery("Bloomberg"));
        sources.Items.Should().ContainSingle().Which.Claims.Should().Be(2);

        var places = await Index.PlacesAsync(new RecordQuery(Sort: RecordSort.Claims, Descending: true));
        places.Total.Should().Be(5);
        places.Items.Single(p => p.Id == DemoIds.For("place", "sergeevka")).Claims.Should().Be(2);
    }

    [Fact]
    public async Task WildcardsInTheTextAreTakenLiterally()
    {
        (await Index.ActorsAsync(new RecordQuery("%"))).Total.Should().Be(0);
    }

    [Fact]
    public async Task PagesHoldFiftyAndAPageBeforeTheFirstIsRefused()
    {
        (await Index.ActorsAsync(new RecordQuery(Page: 2))).Items.Should().BeEmpty("34 actors fit on one page");
        var act = () => Index.ActorsAsync(new RecordQuery(Page: 0));
        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Page");
    }

    [Theory]
    [InlineData("Kyrylo Budanov", "kyrylo-budanov")]
    [InlineData("Kim Yong-hyun", "kim-yong-hyun")]
    [InlineData("Volodymyr Zelenskyy (President)", "volodymyr-zelenskyy-president")]
    [InlineData("Služba bezpeky Ukrainy", "sluzba-bezpeky-ukrainy")]
    [InlineData("Кирило Буданов", "")]
    [InlineData("Edit", "edit-record")]
    public void SlugsAreTheNameInPlainLatinLetters(string name, string slug)
    {
        Slug.Of(name).Should().Be(slug);
    }

    [Fact]
    public async Task AnAdminChangesTheSynonymListAndEveryChangeIsInTheHistory()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (database)
        {
            var admin = new SynonymService(database.ContextFactory, TestAccess.As(Roles.Admin));
            var id = await admin.AddAsync("Drones, UAVs, unmanned aerial vehicles", "Same machines");
            var group = (await admin.ListAsync()).Single(g => g.Id == id);
            group.Terms.Should().Equal("drones", "uavs", "unmanned aerial vehicles");

            await admin.ChangeAsync(id, group.Version, "drones, uavs", null, active: false);
            var stale = () => admin.ChangeAsync(id, group.Version, "drones, uav", null, active: true);
            (await stale.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Version");

            await using var db = await database.ContextFactory.CreateDbContextAsync();
            var history = await db.ChangeHistory.Where(c => c.EntityId == id).OrderBy(c => c.Id).ToListAsync();
            history.Select(h => h.Action.ToString()).Should().Equal("Created", "Updated");
            history.Should().OnlyContain(h => h.EntityType == nameof(SynonymGroup));
            (await admin.AddStarterListAsync()).Should().Be(3);
            (await admin.AddStarterListAsync()).Should().Be(0, "the starter groups are there");
            var one = () => admin.AddAsync("drones", null);
            (await one.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Terms");
        }
    }
}
