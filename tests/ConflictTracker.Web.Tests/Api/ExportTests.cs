using System.Globalization;
using System.Net;
using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Exports: filtered claims as CSV and JSON, ClaimReview JSON-LD, and the full export that restores into an
/// empty instance.</summary>
public class ExportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");

    [Fact]
    public async Task AFilteredClaimSetExportsAsCsvAndJsonWithTheSameClaimsAsTheSearch()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var filter = $"proposition={Deployment}&stance=Affirms";
        var total = (await (await analyst.GetAsync($"/api/v1/claims?{filter}&size=1")).JsonAsync())
            .GetProperty("total")
            .GetInt32();

        using var csvResponse = await analyst.GetAsync($"/api/v1/export/claims.csv?{filter}");
        csvResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        using var reader = new CsvReader(
            new StringReader(await csvResponse.Content.ReadAsStringAsync()),
            CultureInfo.InvariantCulture
        );
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(total).And.OnlyContain(r => (string)r["Stance"] == "Affirms");
        rows.Should().Contain(r => ((string)r["Summary"]).Contains("1,500", StringComparison.Ordinal));

        using var jsonResponse = await analyst.GetAsync($"/api/v1/export/claims.json?{filter}");
        var json = await jsonResponse.JsonAsync();
        json.GetArrayLength().Should().Be(total);
        json.EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid())
            .Should()
            .BeEquivalentTo(rows.Select(r => Guid.Parse((string)r["Id"])));
    }

    [Fact]
    public async Task ABadFilterIsA400BeforeAnythingIsStreamed()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var response = await analyst.GetAsync("/api/v1/export/claims.csv?stance=Shouts");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task RatedClaimsExportAsSchemaOrgClaimReviews()
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var access = TestAccess.For(
                new System.Security.Claims.ClaimsPrincipal(
                    new System.Security.Claims.ClaimsIdentity(
                        [
                            new(System.Security.Claims.ClaimTypes.Name, "rui@example.org"),
                            new(System.Security.Claims.ClaimTypes.Role, Roles.Reviewer),
                        ],
                        "Test"
                    )
                ),
                new SecurityOptions()
            );
            var service = new Features.Review.ReviewService(
                fixture.Database.ContextFactory,
                access,
                TimeProvider.System
            );
            await service.RateCredibilityAsync(
                DemoIds.For("claim", "nis-1500-vladivostok"),
                Domain.Claims.Credibility.ProbablyTrue,
                "Matches South Korean satellite imagery."
            );
        }

        using var response = await reviewer.GetAsync("/api/v1/export/claim-reviews.jsonld");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/ld+json");
        var document = await response.JsonAsync();
        document.GetProperty("@context").GetString().Should().Be("https://schema.org");
        var review = document.GetProperty("@graph").EnumerateArray().Should().ContainSingle().Subject;
        review.GetProperty("@type").GetString().Should().Be("ClaimReview");
        review.GetProperty("claimReviewed").GetString().Should().Contain("1,500");
        review
            .GetProperty("itemReviewed")
            .GetProperty("author")
            .GetProperty("name")
            .GetString()
            .Should()
            .Be("National Intelligence Service");
        review.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32().Should().Be(2);
        review.GetProperty("reviewRating").GetProperty("ratingExplanation").GetString().Should().Contain("satellite");
        review
            .GetProperty("url")
            .GetString()
            .Should()
            .EndWith($"/claims/{DemoIds.For("claim", "nis-1500-vladivostok")}");
    }

    [Fact]
    public async Task TheFullExportRestoresIntoAnEmptyInstanceAndExportsAgainIdentically()
    {
        var admin = await fixture.ClientAsync(Roles.Admin);
        var editor = await fixture.ClientAsync(Roles.Editor);
        (await editor.GetAsync("/api/v1/export/full.json"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Forbidden, "the whole database is for admins");

        // Something of every kind beyond the demo data: a review decision, a flag, an import key.
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        var candidate = (
            await (await reviewer.GetAsync($"/api/v1/candidates?proposition={Deployment}&state=Open")).JsonAsync()
        )[0]
            .GetProperty("id")
            .GetGuid();
        await reviewer.PostAsync(
            $"/api/v1/candidates/{candidate}/confirm",
            System.Net.Http.Json.JsonContent.Create(new { note = "Round trip." })
        );
        await editor.PostAsync(
            "/api/v1/flags",
            System.Net.Http.Json.JsonContent.Create(
                new
                {
                    claimId = DemoIds.For("claim", "nis-1500-vladivostok"),
                    kind = "Other",
                    comment = "Round trip.",
                }
            )
        );

        using var first = await admin.GetAsync("/api/v1/export/full.json");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var exported = await first.Content.ReadAsByteArrayAsync();
        System
            .Text.Encoding.UTF8.GetString(exported)
            .Should()
            .Contain(
                "\"is_collective\":true",
                "the demo data's unidentified account is a collective source, and the backup carries it"
            );

        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var otherAdmin = await other.TokenClientAsync(Roles.Admin);
        using var restored = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            new ByteArrayContent(exported) { Headers = { ContentType = new("application/json") } }
        );
        restored.StatusCode.Should().Be(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
        (await restored.JsonAsync()).GetProperty("rows").GetProperty("claims").GetInt32().Should().BePositive();

        using var second = await otherAdmin.GetAsync("/api/v1/export/full.json");
        var again = await second.Content.ReadAsByteArrayAsync();
        again
            .Should()
            .Equal(exported, "nothing is lost or changed on the way: same records, relations, history and ids");

        using var twice = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            new ByteArrayContent(exported) { Headers = { ContentType = new("application/json") } }
        );
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a restore goes into an empty instance only");

        using var search = await otherAdmin.GetAsync("/api/v1/claims?q=Vladivostok");
        (await search.JsonAsync())
            .GetProperty("total")
            .GetInt32()
            .Should()
            .BePositive("the search columns are rebuilt by PostgreSQL");
    }

    [Fact]
    public async Task ARestoreOfSomethingElseIsRefusedClearly()
    {
        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var admin = await other.TokenClientAsync(Roles.Admin);

        using var notJson = await admin.PostAsync(
            "/api/v1/import/full",
            new StringContent("[{\"format\":", System.Text.Encoding.UTF8, "application/json")
        );
        using var wrong = await admin.PostAsync(
            "/api/v1/import/full",
            new StringContent(
                "[{\"format\":\"something\",\"version\":1}]",
                System.Text.Encoding.UTF8,
                "application/json"
            )
        );

        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("not a ConflictTracker full export");
    }
}
