using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The API's promises on bad input (docs/api.md), one case at a time, each with what the client is
/// told.</summary>
public class ApiContractTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");

    [Theory]
    [InlineData("?")]
    [InlineData("—")]
    [InlineData("…")]
    [InlineData("😀")]
    [InlineData("!!! ...")]
    public async Task ASearchWithoutAWordIsNoTextFilterInTheApiTheExportsAndTheExplorer(string text)
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var q = Uri.EscapeDataString(text);

        using var search = await analyst.GetAsync($"/api/v1/claims?q={q}&size=100");
        search.StatusCode.Should().Be(HttpStatusCode.OK);
        using var all = await analyst.GetAsync("/api/v1/claims?size=100");
        (await search.JsonAsync())
            .GetProperty("total")
            .GetInt32()
            .Should()
            .Be((await all.JsonAsync()).GetProperty("total").GetInt32())
            .And.BePositive();

        using var json = await analyst.GetAsync($"/api/v1/export/claims.json?q={q}");
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetArrayLength().Should().BePositive();
        using var jsonLd = await analyst.GetAsync($"/api/v1/export/claim-reviews.jsonld?q={q}");
        jsonLd.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await jsonLd.Content.ReadAsStringAsync());
        using var csv = await analyst.GetAsync($"/api/v1/export/claims.csv?q={q}");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Length.Should()
            .BeGreaterThan(1);

        using var browser = await fixture.App.SignedInClientAsync(Roles.Analyst);
        using var page = await browser.GetAsync($"/claims?q={q}");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync())
            .Should()
            .NotContain("Something went wrong and has been logged")
            .And.Contain("Dmitry Peskov");
    }

    [Fact]
    public async Task ANulCharacterInAnAddressIsA400NamingTheParameter()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        foreach (var path in new[] { "/api/v1/claims?q=a%00b", "/api/v1/actors?q=%00", "/api/v1/sources?q=x%00" })
        {
            using var response = await analyst.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty("q", out _).Should().BeTrue(path);
        }
    }

    [Theory]
    [InlineData("eventEnd", "9999-12", "EventEnd")]
    [InlineData("statedOn", "0001-01-01", "StatedOn")]
    [InlineData("placeIds", null, "placeIds")]
    [InlineData("stance", 99, "stance")]
    [InlineData("stance", "Shouts", "stance")]
    [InlineData("summery", "a misspelt field", "summery")]
    [InlineData("quantityMin", "many", "quantityMin")]
    [InlineData("measureId", "not-a-guid", "measureId")]
    public async Task AWrongFieldIsA400ThatNamesItAndSaysWhatItExpects(string field, object? value, string named)
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var body = new Dictionary<string, object?>
        {
            ["propositionId"] = Deployment,
            ["actorId"] = DemoIds.For("actor", "nis"),
            ["statedOn"] = "2024-11-02",
            ["stance"] = "Affirms",
            ["summary"] = "A statement with one wrong field.",
            ["status"] = "Published",
            ["sourceId"] = DemoIds.For("source", "seed-article"),
            ["eventStart"] = "2024-10-08",
        };
        body[field] = value;

        using var response = await editor.PostAsJsonAsync("/api/v1/claims", body, ApiFixture.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty(named, out var messages).Should().BeTrue(errors.ToString());
        messages[0].GetString().Should().NotContain("Failed to read parameter").And.NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task TheDocumentSaysWhichFieldsMayBeNullAsTheServerReadsThem()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var document = await analyst.GetAsync("/openapi/v1.json");
        var statement = (await document.JsonAsync())
            .GetProperty("components")
            .GetProperty("schemas")
            .GetProperty("StatementInput")
            .GetProperty("properties");

        static bool Nullable(JsonElement property) =>
            property.ToString().Contains("\"null\"", StringComparison.Ordinal);

        Nullable(statement.GetProperty("placeIds")).Should().BeFalse("the server refuses \"placeIds\": null");
        Nullable(statement.GetProperty("summary")).Should().BeTrue("an optional text may be null");
    }

    [Fact]
    public async Task EnumErrorsListTheValuesThatWouldDo()
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        using var response = await reviewer.PostAsJsonAsync(
            $"/api/v1/propositions/{Deployment}/assessment",
            new { assessment = 99, rationale = "x" },
            ApiFixture.Json
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("assessment")[0].GetString();
        message.Should().Contain("Unverified").And.Contain("Likely").And.Contain("Disputed");
    }

    [Fact]
    public async Task AStaleAssessmentOrCandidateDecisionIs412WithProblemDetails()
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        using var read = await reviewer.GetAsync($"/api/v1/propositions/{Deployment}");
        var etag = read.Headers.ETag!;
        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/propositions/{Deployment}/assessment")
        {
            Content = JsonContent.Create(
                new { assessment = "Likely", rationale = "Several independent voices." },
                options: ApiFixture.Json
            ),
            Headers = { IfMatch = { etag } },
        };
        (await reviewer.SendAsync(first)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/propositions/{Deployment}/assessment")
        {
            Content = JsonContent.Create(
                new { assessment = "Confirmed", rationale = "Read before the other change." },
                options: ApiFixture.Json
            ),
            Headers = { IfMatch = { etag } },
        };
        using var staleResponse = await reviewer.SendAsync(stale);
        staleResponse.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        staleResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        staleResponse.Headers.ETag.Should().NotBeNull().And.NotBe(etag);

        using var candidates = await reviewer.GetAsync($"/api/v1/candidates?proposition={Deployment}&state=Open");
        var candidate = (await candidates.JsonAsync()).EnumerateArray().Last();
        var version = candidate.GetProperty("version").GetUInt32();
        using var decision = new HttpRequestMessage(
            HttpMethod.Post,
            $"/api/v1/candidates/{candidate.GetProperty("id").GetGuid()}/dismiss"
        )
        {
            Content = JsonContent.Create(new { reason = "Decided on an old version." }, options: ApiFixture.Json),
            Headers = { { "If-Match", $"\"{version + 1}\"" } },
        };
        using var decisionResponse = await reviewer.SendAsync(decision);
        decisionResponse.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        decisionResponse.Headers.ETag!.Tag.Should().Be($"\"{version}\"");
    }

    [Fact]
    public async Task ADecisionChecksTheRoleBeforeTheIfMatchHeader()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var decision = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/propositions/{Deployment}/assessment")
        {
            Content = JsonContent.Create(
                new { assessment = "Likely", rationale = "Not mine to decide." },
                options: ApiFixture.Json
            ),
        };
        decision.Headers.TryAddWithoutValidation("If-Match", "not-an-etag").Should().BeTrue();

        using var response = await analyst.SendAsync(decision);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryValueTheDocumentListsForASearchParameterIsAcceptedAndNoOtherIs()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var document = await analyst.GetAsync("/openapi/v1.json");
        var parameters = (await document.JsonAsync())
            .GetProperty("paths")
            .GetProperty("/api/v1/claims")
            .GetProperty("get")
            .GetProperty("parameters")
            .EnumerateArray()
            .ToList();
        var sort = parameters.Single(p => p.GetProperty("name").GetString() == "sort");
        sort.GetProperty("schema")
            .GetProperty("enum")
            .EnumerateArray()
            .Select(v => v.GetString())
            .Should()
            .BeEquivalentTo(Enum.GetNames<ClaimSort>());

        var listed = 0;
        foreach (var parameter in parameters)
        {
            var schema = parameter.GetProperty("schema");
            var values = (schema.TryGetProperty("items", out var items) ? items : schema).TryGetProperty(
                "enum",
                out var e
            )
                ? e.EnumerateArray().Select(v => v.GetString()!).ToList()
                : [];
            foreach (var value in values)
            {
                listed++;
                using var accepted = await analyst.GetAsync(
                    $"/api/v1/claims?{parameter.GetProperty("name").GetString()}={value}"
                );
                accepted
                    .StatusCode.Should()
                    .Be(HttpStatusCode.OK, $"{parameter.GetProperty("name").GetString()}={value} is in the document");
            }
        }

        listed.Should().BeGreaterThan(20);
        using var relevance = await analyst.GetAsync("/api/v1/claims?sort=Relevance");
        relevance.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a value the document does not list is refused");
    }

    [Fact]
    public async Task ACsvImportWithBrokenUtf8IsRefusedWithAClearMessageAndStoresNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var bytes = Encoding
            .UTF8.GetBytes("externalId,name,kind\ncafe-1,Caf")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes(",Person\n"))
            .ToArray();
        using var content = new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } };

        using var response = await editor.PostAsync("/api/v1/import?type=actor", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid UTF-8");
        await using var db = fixture.Database.CreateContext();
        (await db.Actors.CountAsync(a => a.Name.StartsWith("Caf"))).Should().Be(0);
    }

    [Fact]
    public async Task AnExportThatFailsAfterItStartedAbortsTheConnectionInsteadOfEndingCleanly()
    {
        await using var database = await TestPostgres.CreateDemoDatabaseAsync();
        var failing = new FailOnNthSearchPage(3);
        await using var app = new AppFactory(
            database.ConnectionString,
            services: s =>
                s.ConfigureDbContext<ConflictTracker.Web.Data.AppDbContext>(options => options.AddInterceptors(failing))
        );
        using var analyst = await app.TokenClientAsync(Roles.Analyst);
        using (var editor = await app.TokenClientAsync(Roles.Editor))
        {
            await AddClaimsAsync(editor, ClaimQuery.MaxPageSize + 5);
        }

        foreach (var file in new[] { "claims.csv", "claims.json" })
        {
            failing.Reset();
            using var response = await analyst.GetAsync(
                $"/api/v1/export/{file}",
                HttpCompletionOption.ResponseHeadersRead
            );
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the first page was read before the first byte");
            var read = () => response.Content.ReadAsByteArrayAsync();
            (await read.Should().ThrowAsync<Exception>($"a broken {file} must not look complete"))
                .Which.Should()
                .Match<Exception>(e =>
                    e is IOException || e is HttpRequestException || e.InnerException is IOException
                );
        }
    }

    [Fact]
    public async Task ARestoreFileWithAFieldTheFormatDoesNotHaveIsRefusedNamingIt()
    {
        var admin = await fixture.ClientAsync(Roles.Admin);
        var export = System
            .Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/v1/export/full.json"))!
            .AsArray();
        var actors = export.Select(n => n!.AsObject()).Single(n => n["table"]?.GetValue<string>() == "actors");
        actors["rows"]![0]!.AsObject()["nickname"] = "not a column";

        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var otherAdmin = await other.TokenClientAsync(Roles.Admin);
        using var response = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            new StringContent(export.ToJsonString(), Encoding.UTF8, "application/json")
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'nickname'").And.Contain("actors");
        (await empty.ScalarAsync<long>("SELECT count(*) FROM actors")).Should().Be(0);
    }

    private static async Task AddClaimsAsync(HttpClient client, int count)
    {
        var rows = new StringBuilder("externalId,proposition,actor,statedOn,stance,summary,status\n");
        for (var i = 0; i < count; i++)
        {
            rows.Append(
                System.Globalization.CultureInfo.InvariantCulture,
                $"bulk-{i},{Deployment},{DemoIds.For("actor", "nis")},2024-10-18,Affirms,Bulk statement number {i},Published\n"
            );
        }

        using var content = new StringContent(rows.ToString(), Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync("/api/v1/import?type=claim", content);
        response
            .StatusCode.Should()
            .Be(
                HttpStatusCode.OK,
                (await response.Content.ReadAsStringAsync())[
                    ..Math.Min(600, (int)(response.Content.Headers.ContentLength ?? 600))
                ]
            );
    }

    /// <summary>Makes the <c>n</c>-th page the claim search reads fail, as a database gone mid-export would.</summary>
    private sealed class FailOnNthSearchPage(int n) : DbCommandInterceptor
    {
        private int pages;

        public void Reset() => pages = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        )
        {
            // The page reads are the statements that select the claims' summaries in statement order.
            if (
                command.CommandText.Contains("summary", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
                && Interlocked.Increment(ref pages) == n
            )
            {
                throw new InvalidOperationException("The database went away in the middle of the export.");
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
