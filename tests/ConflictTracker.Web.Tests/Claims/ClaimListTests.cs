using System.Net;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;

namespace ConflictTracker.Web.Tests.Claims;

public class ClaimListTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task ListsEveryPublishedClaimNewestStatementFirstWithFiguresAsStated()
    {
        var service = new ClaimListService(fixture.Database.ContextFactory);

        var claims = await service.ListAsync();

        claims.Should().HaveCount(25);
        claims.Select(c => c.StatedOnDate).Should().BeInDescendingOrder();
        var nis = claims.Single(c => c.Actor == "National Intelligence Service");
        nis.Should().BeEquivalentTo(new
        {
            Stance = Stance.Affirms,
            StatedOn = "18 Oct 2024",
            Quantity = "nearly 1,500 soldiers",
            EventPeriod = "8 Oct 2024 – 13 Oct 2024",
            Places = new[] { "Vladivostok" },
            Proposition = "North Korean troops are deployed to Russia for the war against Ukraine",
        });
        claims.Single(c => c.Actor == "Dmitry Peskov").OnBehalfOf.Should().Be("Kremlin (Presidential Executive Office of Russia)");
    }

    [Fact]
    public async Task RetractedClaimsAreLeftOut()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (database)
        {
            var loader = new Features.DemoData.DemoDataLoader(database.ContextFactory, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Features.DemoData.DemoDataLoader>.Instance);
            await loader.LoadAsync();
            await database.ExecuteAsync("UPDATE claims SET status = 'Retracted', retraction_reason = 'Test' WHERE asserted_by_id = @id", ("id", Features.DemoData.DemoIds.For("actor", "peskov")));

            var claims = await new ClaimListService(database.ContextFactory).ListAsync();

            claims.Should().HaveCount(24).And.NotContain(c => c.Actor == "Dmitry Peskov");
        }
    }

    [Fact]
    public async Task ClaimsPageServesTheDemoClaimsInItsFirstResponse()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/claims", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Russia&#x27;s navy ferried nearly 1,500 North Korean soldiers to Vladivostok")
            .And.Contain("nearly 1,500 soldiers")
            .And.Contain("Dmitry Peskov");
    }

    [Fact]
    public async Task UnknownAddressGetsTheNotFoundPage()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Page not found");
    }
}
