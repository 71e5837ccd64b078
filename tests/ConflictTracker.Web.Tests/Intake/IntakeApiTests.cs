using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Tests.Intake;

/// <summary>Article intake through the API on PostgreSQL: drafts without writes, the stored snapshot, decisions, and
/// bad articles.</summary>
public class IntakeApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static string Seed => File.ReadAllText(Path.Combine(Root(), "tests", "intake-gold", "00-seed.txt"));

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ConflictTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    private static StringContent Text(string text, string type = "text/plain") => new(text, Encoding.UTF8, type);

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ThePreviewProposesTheSeedArticlesStatementsAndStoresNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var before = (await CountAsync("sources"), await CountAsync("claims"), await CountAsync("source_snapshots"));
        using var response = await editor.PostAsync("/api/v1/intake?publishedOn=2024-10", Text(Seed));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = await response.JsonAsync();
        preview.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        preview.GetProperty("extractionSupported").GetBoolean().Should().BeTrue();
        var drafts = preview.GetProperty("drafts").EnumerateArray().ToList();
        drafts.Count.Should().BeGreaterThanOrEqualTo(25);
        var peskov = drafts.Single(d => d.GetProperty("speaker").GetString() == "Dmitry Peskov");
        peskov.GetProperty("stance").GetString().Should().Be("Denies");
        peskov.GetProperty("onBehalfOf").GetString().Should().StartWith("Kremlin");
        peskov
            .GetProperty("quote")
            .GetProperty("exact")
            .GetString()
            .Should()
            .Be("This seems like yet another fake news story");
        var nis = drafts.First(d => d.GetProperty("speaker").GetString() == "National Intelligence Service");
        nis.GetProperty("quantityMin").GetDecimal().Should().Be(1500);
        nis.GetProperty("quantityQualifier").GetString().Should().Be("Nearly");
        nis.GetProperty("statedOn").GetString().Should().Be("2024-10-18");
        var content = nis.GetProperty("content");
        var text = preview.GetProperty("text").GetString()!;
        text[content.GetProperty("start").GetInt32()..content.GetProperty("end").GetInt32()]
            .Should()
            .Be(content.GetProperty("exact").GetString());
        (await CountAsync("sources"), await CountAsync("claims"), await CountAsync("source_snapshots"))
            .Should()
            .Be(before);
    }

    [Fact]
    public async Task StoringMakesASourceWithASnapshotAndTheSameTextOpensTheSameIntake()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var article =
            "Kremlin spokesman Dmitry Peskov said on Tuesday that reports of North Korean troops in Russia were fake news.\n\nSouth Korea's spy agency said about 3,000 North Korean soldiers had arrived in Russia.";
        using var first = await editor.PostAsync(
            "/api/v1/intake?store=true&title=Intake%20test%20one&publishedOn=2024-10-23",
            Text(article)
        );
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var intake = await first.JsonAsync();
        var id = intake.GetProperty("id").GetGuid();
        var sourceId = intake.GetProperty("sourceId").GetGuid();
        intake
            .GetProperty("sha256")
            .GetString()
            .Should()
            .Be(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(article)))
            );
        using var again = await editor.PostAsync(
            "/api/v1/intake?store=true&title=Another%20title",
            Text(article + "\n\n")
        );
        again.StatusCode.Should().Be(HttpStatusCode.SeeOther, "the same text after normalising is the same snapshot");
        again.Headers.Location!.ToString().Should().EndWith($"/api/v1/intake/{id}");

        await using var db = fixture.Database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        source.Title.Should().Be("Intake test one");
        source.ContentHash.Should().Be(intake.GetProperty("sha256").GetString());
        (await db.SourceSnapshots.CountAsync(s => s.SourceId == sourceId)).Should().Be(1);
        (await db.ChangeHistory.CountAsync(h => h.EntityId == sourceId))
            .Should()
            .BeGreaterThan(0, "creating the source and its snapshot is in its history");
    }

    [Fact]
    public async Task TheSameAddressWithADifferentTextIsANewSnapshotAndBothAreKept()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        const string Address = "https://example.org/news/intake-collision";
        using var first = await editor.PostAsync(
            $"/api/v1/intake?store=true&title=Collision&url={Uri.EscapeDataString(Address)}",
            Text("The ministry said 1,000 soldiers had arrived.")
        );
        using var second = await editor.PostAsync(
            $"/api/v1/intake?store=true&title=Collision&url={Uri.EscapeDataString(Address)}",
            Text("The ministry said 2,000 soldiers had arrived.")
        );
        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        second.StatusCode.Should().Be(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var a = await first.JsonAsync();
        var b = await second.JsonAsync();
        b.GetProperty("id").GetGuid().Should().NotBe(a.GetProperty("id").GetGuid());
        b.GetProperty("sourceId").GetGuid().Should().Be(a.GetProperty("sourceId").GetGuid());
        b.GetProperty("sha256").GetString().Should().NotBe(a.GetProperty("sha256").GetString());
        await using var db = fixture.Database.CreateContext();
        var sourceId = a.GetProperty("sourceId").GetGuid();
        (await db.SourceSnapshots.CountAsync(s => s.SourceId == sourceId)).Should().Be(2);
    }

    [Fact]
    public async Task ASnapshotCannotBeChangedOrDeletedEvenInSql()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var created = await editor.PostAsync(
            "/api/v1/intake?store=true&title=Unchangeable",
            Text("Kyrylo Budanov said nearly 11,000 troops were training in eastern Russia.")
        );
        var sha = (await created.JsonAsync()).GetProperty("sha256").GetString();
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (
            var sql in new[]
            {
                $"UPDATE source_snapshots SET text = 'changed' WHERE sha256 = '{sha}'",
                $"DELETE FROM source_snapshots WHERE sha256 = '{sha}'",
            }
        )
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var act = () => command.ExecuteNonQueryAsync();
            (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("never changed");
        }
    }

    [Fact]
    public async Task AcceptingADraftMakesAClaimCitingTheArticleOnceAndAStaleDecisionIsRefused()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var article =
            "SEOUL, Oct 23 - South Korea's National Intelligence Service said on Wednesday that nearly 1,500 North Korean soldiers had been sent to Russia for the war against Ukraine.\n\n"
            + "Kremlin spokesman Dmitry Peskov dismissed the reports as fake news.";
        using var created = await editor.PostAsync(
            "/api/v1/intake?store=true&title=Decision%20test&publishedOn=2024-10-23",
            Text(article)
        );
        var intake = await created.JsonAsync();
        var id = intake.GetProperty("id").GetGuid();
        var version = created.Headers.ETag!.Tag;
        var drafts = intake.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("draft")).ToList();
        var nis = drafts
            .Single(d => d.GetProperty("speaker").GetString() == "National Intelligence Service")
            .GetProperty("number")
            .GetInt32();

        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/intake/{id}/decisions")
        {
            Content = JsonContent.Create(
                new
                {
                    draft = nis,
                    decision = "Accepted",
                    note = (string?)null,
                }
            ),
        };
        accept.Headers.IfMatch.Add(new EntityTagHeaderValue(version));
        using var accepted = await editor.SendAsync(accept);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var claimId = (await accepted.JsonAsync()).GetProperty("claimId").GetGuid();

        await using (var db = fixture.Database.CreateContext())
        {
            var claim = await db.Claims.Include(c => c.Citations).SingleAsync(c => c.Id == claimId);
            claim.Stance.Should().Be(Domain.Claims.Stance.Affirms);
            claim.Quantity!.Min.Should().Be(1500);
            claim.StatedOn.ToIsoString().Should().Be("2024-10-23");
            claim
                .Citations.Should()
                .ContainSingle()
                .Which.SourceId.Should()
                .Be(intake.GetProperty("sourceId").GetGuid());
            (await db.IntakeDecisions.SingleAsync(d => d.IntakeId == id)).ClaimId.Should().Be(claimId);
        }

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/intake/{id}/decisions")
        {
            Content = JsonContent.Create(
                new
                {
                    draft = nis,
                    decision = "Rejected",
                    note = (string?)null,
                }
            ),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(version));
        (await editor.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        using var read = await editor.GetAsync($"/api/v1/intake/{id}");
        using var twice = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/intake/{id}/decisions")
        {
            Content = JsonContent.Create(
                new
                {
                    draft = nis,
                    decision = "Rejected",
                    note = (string?)null,
                }
            ),
        };
        twice.Headers.IfMatch.Add(new EntityTagHeaderValue(read.Headers.ETag!.Tag));
        using var refused = await editor.SendAsync(twice);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("already been decided");
    }

    [Fact]
    public async Task ReadersCannotTakeArticlesIn()
    {
        var reader = await fixture.ClientAsync(Roles.Analyst);
        using var response = await reader.PostAsync("/api/v1/intake", Text("Budanov said the troops were ready."));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, byte[], string, string> BadArticles() =>
        new()
        {
            { "empty", [], "text/plain", "empty" },
            { "only spaces", Encoding.UTF8.GetBytes("   \n\n  "), "text/plain", "no text" },
            { "binary named .txt", [0x00, 0xFF, 0xFE, 0x01, 0x9C, 0x00, 0x42, 0xC3, 0x28], "text/plain", "not" },
            { "broken UTF-8", [0x48, 0x69, 0xC3, 0x28, 0x21], "text/plain", "UTF-8" },
            { "PDF that is not one", Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a pdf"), "application/pdf", "PDF" },
            {
                "HTML with nothing to read",
                Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"),
                "text/html",
                "no text"
            },
        };

    [Theory]
    [MemberData(nameof(BadArticles))]
    public async Task ABadArticleGetsAClearMessageAndNothingIsStored(
        string what,
        byte[] body,
        string type,
        string message
    )
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var before = (
            await CountAsync("sources"),
            await CountAsync("source_snapshots"),
            await CountAsync("article_intakes")
        );
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await editor.PostAsync("/api/v1/intake?store=true&title=Bad", content);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, what);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await CountAsync("sources"), await CountAsync("source_snapshots"), await CountAsync("article_intakes"))
            .Should()
            .Be(before, what);
    }

    [Fact]
    public async Task ATooLargeArticleIsRefused()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var response = await editor.PostAsync("/api/v1/intake", Text(new string('a', 10 * 1024 * 1024 + 10)));
        response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task JsonIsNotAnArticle()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var response = await editor.PostAsync("/api/v1/intake", Text("{\"text\": \"hi\"}", "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task HtmlIsReadNeverRunAndItsMetadataComesFromThePage()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        const string Page = """
            <!doctype html><html lang="en"><head><title>Site | Troops</title>
            <meta property="og:title" content="North Korean troops reach Kursk">
            <meta property="og:site_name" content="Example Wire">
            <meta property="article:published_time" content="2024-11-05T08:00:00Z">
            <link rel="canonical" href="https://example.org/troops-kursk">
            <script>document.body.innerHTML = 'owned'</script></head>
            <body><nav>Home | World</nav><article><h1>North Korean troops reach Kursk</h1>
            <p onclick="alert(1)">Ukraine's military intelligence chief Kyrylo Budanov said on Monday that about 11,000 North Korean soldiers were in the Kursk region.</p>
            <p>“They are already fighting,” he said.<script>alert('x')</script></p></article><footer>Copyright</footer></body></html>
            """;
        using var response = await editor.PostAsync("/api/v1/intake", Text(Page, "text/html"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await response.JsonAsync();
        var text = preview.GetProperty("text").GetString()!;
        text.Should()
            .Contain("Kyrylo Budanov said on Monday")
            .And.NotContain("alert")
            .And.NotContain("<")
            .And.NotContain("owned")
            .And.NotContain("Copyright");
        preview.GetProperty("title").GetString().Should().Be("North Korean troops reach Kursk");
        preview.GetProperty("publisher").GetString().Should().Be("Example Wire");
        preview.GetProperty("publishedOn").GetString().Should().Be("2024-11-05");
        preview.GetProperty("url").GetString().Should().Be("https://example.org/troops-kursk");
        var drafts = preview.GetProperty("drafts").EnumerateArray().ToList();
        drafts
            .Should()
            .Contain(d =>
                d.GetProperty("speaker").GetString() == "Kyrylo Budanov"
                && d.GetProperty("statedOn").GetString() == "2024-11-04"
            );
    }

    [Fact]
    public async Task ATextInAnotherScriptIsKeptButNotExtracted()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var response = await editor.PostAsync(
            "/api/v1/intake",
            Text("국가정보원은 북한군 약 1500명이 러시아 블라디보스토크로 이동했다고 밝혔다. 국방부는 이를 확인했다.")
        );
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = await response.JsonAsync();
        preview.GetProperty("extractionSupported").GetBoolean().Should().BeFalse();
        preview.GetProperty("drafts").GetArrayLength().Should().Be(0);
        preview.GetProperty("text").GetString().Should().StartWith("국가정보원은");
    }
}
