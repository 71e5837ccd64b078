using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary><c>/api/v1/saved-searches</c>: the owner's searches, problem details on bad input, the Atom feed.</summary>
public class SavedSearchApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task ASavedSearchHasAnAtomFeedOnlyItsOwnersTokenReads()
    {
        var owner = await fixture.App.TokenClientAsync(Roles.Analyst);
        using var created = await owner.PostAsJsonAsync(
            "/api/v1/saved-searches",
            new { name = "Budanov", query = "/claims?q=Budanov" }
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var feed = await owner.GetAsync($"/api/v1/saved-searches/{id}/feed");
        feed.StatusCode.Should().Be(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        xml.Root!.Name.Should().Be(Atom + "feed");
        xml.Root.Element(Atom + "title")!.Value.Should().Be("ConflictTracker: Budanov");
        var entries = xml.Root.Elements(Atom + "entry").ToList();
        entries.Should().NotBeEmpty();
        entries.Should().AllSatisfy(e => e.Element(Atom + "title")!.Value.Should().Contain("Budanov"));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, null)).ToList();
        updated.Should().BeInDescendingOrder();
        entries[0]
            .Elements(Atom + "link")
            .Single()
            .Attribute("href")!
            .Value.Should()
            .MatchRegex("^http://localhost/claims/[0-9a-f-]{36}$");

        var stranger = await fixture.ClientAsync(Roles.Analyst);
        (await stranger.GetAsync($"/api/v1/saved-searches/{id}/feed")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/saved-searches/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var anonymous = await fixture.ClientAsync("anonymous");
        (await anonymous.GetAsync($"/api/v1/saved-searches/{id}/feed"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized);
        var noRole = await fixture.ClientAsync("none");
        (await noRole.GetAsync($"/api/v1/saved-searches/{id}/feed")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadInputIsAProblemAndChangesNeedTheVersionRead()
    {
        var client = await fixture.App.TokenClientAsync(Roles.Analyst);
        using var bad = await client.PostAsJsonAsync(
            "/api/v1/saved-searches",
            new { name = "", query = "stance=Shouts" }
        );
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        errors.GetProperty("Name").GetArrayLength().Should().Be(1);
        errors.GetProperty("Query")[0].GetString().Should().Contain("'Shouts' is not a known stance");

        using var created = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Mine", query = "" });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        using var read = await client.GetAsync($"/api/v1/saved-searches/{id}");
        var etag = read.Headers.ETag!.Tag;
        (await read.JsonAsync()).GetProperty("notify").GetBoolean().Should().BeTrue();

        using var unguarded = await client.PutAsJsonAsync(
            $"/api/v1/saved-searches/{id}",
            new
            {
                name = "Renamed",
                query = "q=x",
                notify = false,
            }
        );
        unguarded.StatusCode.Should().Be((HttpStatusCode)428);

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/saved-searches/{id}")
        {
            Content = JsonContent.Create(
                new
                {
                    name = "Renamed",
                    query = "q=x",
                    notify = false,
                }
            ),
        };
        put.Headers.IfMatch.ParseAdd(etag);
        (await client.SendAsync(put)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/saved-searches/{id}")
        {
            Content = JsonContent.Create(
                new
                {
                    name = "From an old read",
                    query = "",
                    notify = true,
                }
            ),
        };
        stale.Headers.IfMatch.ParseAdd(etag);
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        using var list = await client.GetAsync("/api/v1/saved-searches");
        var only = (await list.JsonAsync()).EnumerateArray().Single();
        only.GetProperty("name").GetString().Should().Be("Renamed");
        only.GetProperty("query").GetString().Should().Be("q=x");
    }
}
