using System.Net;
using ConflictTracker.Testing;

namespace ConflictTracker.Web.Tests.Claims;

public class ClaimsPageTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task ClaimsPageServesTheDemoClaimsInItsFirstResponse()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = await app.SignedInClientAsync(Web.Security.Roles.Analyst);

        using var response = await client.GetAsync(new Uri("/claims", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should()
            .Contain("Russia&#x27;s navy ferried nearly 1,500 North Korean soldiers to Vladivostok")
            .And.Contain("nearly 1,500 soldiers")
            .And.Contain("Dmitry Peskov");
    }

    [Fact]
    public async Task UnknownAddressGetsTheNotFoundPage()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = await app.SignedInClientAsync(Web.Security.Roles.Analyst);

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Page not found");
    }
}
