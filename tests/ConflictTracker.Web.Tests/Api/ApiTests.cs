using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The REST API against PostgreSQL: happy paths, 400 with field errors, 401, 403, 404, 412/428 and
/// 429.</summary>
public class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid SeedArticle = DemoIds.For("source", "seed-article");

    private static object NewStatement(string summary) =>
        new
        {
            propositionId = Deployment,
            actorId = DemoIds.For("actor", "nis"),
            statedOn = "2024-11-02",
            stance = "Affirms",
            summary,
            status = "Published",
            sourceId = SeedArticle,
            citationRole = "Republication",
        };

    /// <summary>A PUT body: every field of the statement, null where it has none.</summary>
    private static Dictionary<string, object?> FullStatement(string summary) =>
        new()
        {
            ["propositionId"] = Deployment,
            ["actorId"] = DemoIds.For("actor", "nis"),
            ["newActor"] = null,
            ["onBehalfOfId"] = null,
            ["stance"] = "Denies",
            ["summary"] = summary,
            ["statedOn"] = "2024-11-02",
            ["eventStart"] = null,
            ["eventEnd"] = null,
            ["quoteText"] = null,
            ["quoteLanguage"] = null,
            ["translation"] = null,
            ["translationLanguage"] = null,
            ["measureId"] = null,
            ["quantityMin"] = null,
            ["quantityMax"] = null,
            ["quantityQualifier"] = "Exact",
            ["placeIds"] = Array.Empty<Guid>(),
            ["status"] = "Published",
            ["sourceId"] = SeedArticle,
            ["newSource"] = null,
            ["citationRole"] = "Republication",
            ["citationQuote"] = null,
            ["citationLocator"] = null,
        };

    /// <summary>A PUT body: every field a change reads (the citation fields are read only when a statement is
    /// entered).</summary>
    private static Dictionary<string, object?> Replacement(string summary)
    {
        var body = FullStatement(summary);
        foreach (var field in new[] { "sourceId", "newSource", "citationRole", "citationQuote", "citationLocator" })
        {
            body.Remove(field);
        }

        return body;
    }

    [Fact]
    public async Task APutMustCarryEveryFieldSoNothingFallsBackToADefault()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var created = await editor.PostAsJsonAsync(
            "/api/v1/claims",
            FullStatement("A denial a careless client will change."),
            ApiFixture.Json
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        using var read = await editor.GetAsync(created.Headers.Location);
        var partial = Replacement("Changed without stance or status.");
        partial["citationRole"] = "Origin";
        partial.Remove("stance");
        partial.Remove("status");

        using var put = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location)
        {
            Content = JsonContent.Create(partial, options: ApiFixture.Json),
            Headers = { IfMatch = { read.Headers.ETag! } },
        };
        using var response = await editor.SendAsync(put);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("stance", out _).Should().BeTrue();
        errors.TryGetProperty("status", out _).Should().BeTrue();
        errors
            .TryGetProperty("citationRole", out _)
            .Should()
            .BeTrue("a PUT does not read it, so it may not carry a value");
        using var after = await editor.GetAsync(created.Headers.Location);
        var claim = await after.JsonAsync();
        claim.GetProperty("stance").GetString().Should().Be("Denies");
        claim.GetProperty("summary").GetString().Should().Be("A denial a careless client will change.");

        using var document = await editor.GetAsync("/openapi/v1.json");
        var body = (await document.JsonAsync())
            .GetProperty("paths")
            .GetProperty("/api/v1/claims/{id}")
            .GetProperty("put")
            .GetProperty("requestBody")
            .GetProperty("content")
            .GetProperty("application/json")
            .GetProperty("schema");
        body.GetProperty("required")
            .EnumerateArray()
            .Select(r => r.GetString())
            .Should()
            .Contain(["stance", "status", "summary", "placeIds"])
            .And.NotContain("sourceId");
    }

    [Fact]
    public async Task WithoutAValidTokenEveryEndpointAnswers401WithProblemDetails()
    {
        var anonymous = await fixture.ClientAsync("anonymous");
        using var none = await anonymous.GetAsync("/api/v1/claims");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/claims")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "ctpat_not-a-real-token") },
        };
        using var badResponse = await anonymous.SendAsync(bad);

        foreach (var response in new[] { none, badResponse })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        }
    }

    [Fact]
    public async Task AnAnalystSearchesWithTheExplorersFiltersAndPagesWithACursor()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var first = await analyst.GetAsync($"/api/v1/claims?proposition={Deployment}&stance=Affirms&size=5");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await first.JsonAsync();
        page.GetProperty("items").GetArrayLength().Should().Be(5);
        page.GetProperty("items")
            .EnumerateArray()
            .Should()
            .OnlyContain(i => i.GetProperty("stance").GetString() == "Affirms");
        var total = page.GetProperty("total").GetInt32();
        total.Should().BeGreaterThan(5);

        using var second = await analyst.GetAsync(
            $"/api/v1/claims?proposition={Deployment}&stance=Affirms&size=5&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}"
        );
        var next = await second.JsonAsync();
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        next.GetProperty("items")
            .EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid())
            .Should()
            .NotIntersectWith(ids);

        using var text = await analyst.GetAsync("/api/v1/claims?q=Vladivostok");
        (await text.JsonAsync())
            .GetProperty("items")
            .EnumerateArray()
            .Should()
            .Contain(i => i.GetProperty("id").GetGuid() == Nis);
    }

    [Fact]
    public async Task BadFilterValuesAnswer400NamingEachField()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync("/api/v1/claims?stance=Shouts&stated-from=18.10.2024&size=1000");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("stance", out _).Should().BeTrue();
        errors.TryGetProperty("stated-from", out _).Should().BeTrue();
    }

    [Fact]
    public async Task OneClaimComesWithItsVersionAsETagAndAnUnknownIdIs404()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var found = await analyst.GetAsync($"/api/v1/claims/{Nis}");
        found.StatusCode.Should().Be(HttpStatusCode.OK);
        found.Headers.ETag!.Tag.Should().MatchRegex("^\"[0-9]+\"$", "the ETag is the claim's version");
        var claim = await found.JsonAsync();
        claim.GetProperty("quantity").GetProperty("interval").GetString().Should().Contain("1,350");
        claim.GetProperty("citations").GetArrayLength().Should().BePositive();

        using var missing = await analyst.GetAsync($"/api/v1/claims/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task AnEditorCreatesASourcedClaimAndAnAnalystMayNot()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var created = await editor.PostAsJsonAsync(
            "/api/v1/claims",
            NewStatement("The NIS said more troops followed in early November."),
            ApiFixture.Json
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().Should().EndWith($"/api/v1/claims/{id}");

        using var read = await editor.GetAsync(created.Headers.Location);
        (await read.JsonAsync())
            .GetProperty("citations")[0]
            .GetProperty("source")
            .GetProperty("id")
            .GetGuid()
            .Should()
            .Be(SeedArticle);

        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var refused = await analyst.PostAsJsonAsync(
            "/api/v1/claims",
            NewStatement("An analyst tries to write."),
            ApiFixture.Json
        );
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        var noRole = await fixture.ClientAsync("none");
        using var nothing = await noRole.GetAsync("/api/v1/claims");
        nothing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InvalidInputAnswers400WithEveryFieldAndStoresNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var before = (
            await (
                await editor.GetAsync(
                    "/api/v1/claims?status=Draft&status=InReview&status=Published&status=Retracted&size=1"
                )
            ).JsonAsync()
        )
            .GetProperty("total")
            .GetInt32();

        using var response = await editor.PostAsJsonAsync(
            "/api/v1/claims",
            new
            {
                propositionId = Guid.NewGuid(),
                actorId = DemoIds.For("actor", "nis"),
                statedOn = "2024-13-45",
                stance = "Affirms",
                summary = "",
                eventStart = "2024-10-20",
                eventEnd = "2024-10-01",
                quantityMin = 20,
                quantityMax = 10,
            },
            ApiFixture.Json
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().HaveCountGreaterThanOrEqualTo(3);
        var after = (
            await (
                await editor.GetAsync(
                    "/api/v1/claims?status=Draft&status=InReview&status=Published&status=Retracted&size=1"
                )
            ).JsonAsync()
        )
            .GetProperty("total")
            .GetInt32();
        after.Should().Be(before);
    }

    [Fact]
    public async Task AnUnknownApiAddressIsA404ProblemNotAPage()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync("/api/v1/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task MalformedJsonIsA400ProblemNotA500()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);

        using var response = await editor.PostAsync(
            "/api/v1/claims",
            new StringContent("{\"summary\": ", Encoding.UTF8, "application/json")
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task UpdatesNeedIfMatchAndAStaleVersionIsRefusedWith412()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var created = await editor.PostAsJsonAsync(
            "/api/v1/claims",
            NewStatement("A claim two clients will change."),
            ApiFixture.Json
        );
        var location = created.Headers.Location!;
        using var read = await editor.GetAsync(location);
        var etag = read.Headers.ETag!;
        var body = Replacement("Changed by the first client.");

        using var noIfMatch = await editor.PutAsJsonAsync(location, body, ApiFixture.Json);
        noIfMatch.StatusCode.Should().Be((HttpStatusCode)428);

        using var first = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = JsonContent.Create(body, options: ApiFixture.Json),
            Headers = { IfMatch = { etag } },
        };
        using var firstResponse = await editor.SendAsync(first);
        firstResponse.StatusCode.Should().Be(HttpStatusCode.NoContent);
        firstResponse.Headers.ETag.Should().NotBe(etag);

        using var second = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = JsonContent.Create(Replacement("Changed by the second client."), options: ApiFixture.Json),
            Headers = { IfMatch = { etag } },
        };
        using var secondResponse = await editor.SendAsync(second);
        secondResponse.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await secondResponse.JsonAsync();
        problem
            .GetProperty("theirChanges")
            .EnumerateArray()
            .Should()
            .Contain(c => c.GetProperty("field").GetString() == "Summary");

        using var now = await editor.GetAsync(location);
        (await now.JsonAsync()).GetProperty("summary").GetString().Should().Be("Changed by the first client.");
    }

    [Fact]
    public async Task AReviewerConfirmsACandidateThroughTheApiAndAnEditorCannot()
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        using var list = await reviewer.GetAsync($"/api/v1/candidates?proposition={Deployment}&state=Open");
        var candidate = (await list.JsonAsync())
            .EnumerateArray()
            .First(c => c.GetProperty("rule").GetString() == "OpposedStances");
        var id = candidate.GetProperty("id").GetGuid();

        var editor = await fixture.ClientAsync(Roles.Editor);
        using var refused = await editor.PostAsJsonAsync(
            $"/api/v1/candidates/{id}/confirm",
            new { note = "editors cannot" },
            ApiFixture.Json
        );
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var confirmed = await reviewer.PostAsJsonAsync(
            $"/api/v1/candidates/{id}/confirm",
            new { note = "On record." },
            ApiFixture.Json
        );
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        var relation = (await confirmed.JsonAsync()).GetProperty("id").GetGuid();

        using var relations = await reviewer.GetAsync(
            $"/api/v1/relations?claim={candidate.GetProperty("firstClaimId").GetGuid()}&state=Confirmed"
        );
        (await relations.JsonAsync())
            .EnumerateArray()
            .Should()
            .Contain(r =>
                r.GetProperty("id").GetGuid() == relation && r.GetProperty("type").GetString() == "Contradicts"
            );

        using var twice = await reviewer.PostAsJsonAsync(
            $"/api/v1/candidates/{id}/dismiss",
            new { reason = "too late" },
            ApiFixture.Json
        );
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FlagsAndRelationsGoThroughTheSameRules()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var noComment = await editor.PostAsJsonAsync(
            "/api/v1/flags",
            new
            {
                claimId = Nis,
                kind = "WeakSource",
                comment = " ",
            },
            ApiFixture.Json
        );
        noComment.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noComment.JsonAsync()).GetProperty("errors").TryGetProperty("Comment", out _).Should().BeTrue();

        using var flag = await editor.PostAsJsonAsync(
            "/api/v1/flags",
            new
            {
                claimId = Nis,
                kind = "WeakSource",
                comment = "Only the agency's statement.",
            },
            ApiFixture.Json
        );
        flag.StatusCode.Should().Be(HttpStatusCode.Created);

        using var relation = await editor.PostAsJsonAsync(
            "/api/v1/relations",
            new
            {
                fromClaimId = DemoIds.For("claim", "budanov-11000-training"),
                toClaimId = DemoIds.For("claim", "zelenskyy-thousands"),
                type = "Corroborates",
                rationale = "Both say thousands.",
            },
            ApiFixture.Json
        );
        var id = (await relation.JsonAsync()).GetProperty("id").GetGuid();

        // The editor is not a reviewer; a reviewer other than the proposer confirms.
        using var editorReviews = await editor.PostAsJsonAsync(
            $"/api/v1/relations/{id}/review",
            new { decision = "Confirmed" },
            ApiFixture.Json
        );
        editorReviews.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var reviewed = await (await fixture.ClientAsync(Roles.Reviewer)).PostAsJsonAsync(
            $"/api/v1/relations/{id}/review",
            new { decision = "Confirmed" },
            ApiFixture.Json
        );
        reviewed.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ActorsSourcesAndPropositionsAreReadCreatedAndChangedWithETags()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var found = await editor.GetAsync("/api/v1/actors?q=Буданов");
        (await found.JsonAsync())
            .EnumerateArray()
            .Should()
            .Contain(a => a.GetProperty("id").GetGuid() == DemoIds.For("actor", "budanov"));

        using var created = await editor.PostAsJsonAsync(
            "/api/v1/actors",
            new
            {
                name = "Institute for the Study of War",
                kind = "ResearchOrganisation",
                countryCode = "US",
            },
            ApiFixture.Json
        );
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        using var read = await editor.GetAsync(created.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should()
            .Be(
                $"\"{(await read.JsonAsync()).GetProperty("version").GetUInt32()}\"",
                "an actor carries its version, for a later change"
            );
        using var update = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location)
        {
            Content = JsonContent.Create(
                new
                {
                    name = "Institute for the Study of War (ISW)",
                    kind = "ResearchOrganisation",
                    countryCode = "US",
                    description = (string?)null,
                    reliability = (string?)null,
                    isCollective = false,
                },
                options: ApiFixture.Json
            ),
            Headers = { IfMatch = { read.Headers.ETag! } },
        };
        (await editor.SendAsync(update)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var proposition = await editor.GetAsync($"/api/v1/propositions/{Deployment}");
        var details = await proposition.JsonAsync();
        details.GetProperty("scores").GetArrayLength().Should().BePositive();
        proposition.Headers.ETag!.Tag.Should().MatchRegex("^\"[0-9]+\"$");

        using var source = await editor.GetAsync($"/api/v1/sources/{SeedArticle}");
        source.StatusCode.Should().Be(HttpStatusCode.OK);
        source
            .Headers.ETag!.Tag.Should()
            .Be(
                $"\"{(await source.JsonAsync()).GetProperty("version").GetUInt32()}\"",
                "a source carries its version, for a later change"
            );
        using var missing = await editor.GetAsync($"/api/v1/sources/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
