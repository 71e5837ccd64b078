using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConflictTracker.Web.Features.Exchange;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Importing CSV and JSON through the API: the sample files, re-imports, bad rows, malformed files (the 50 MB
/// file: LargeImportTests).</summary>
public class ImportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string Samples = Path.Combine(RepositoryRoot(), "docs", "samples");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query, HttpContent content) =>
        await client.PostAsync("/api/v1/import" + query, content);

    private static StreamContent File(string name, string mediaType)
    {
        var content = new StreamContent(System.IO.File.OpenRead(Path.Combine(Samples, name)));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<int> CountAsync(Func<ConflictTracker.Web.Data.AppDbContext, Task<int>> count)
    {
        await using var db = fixture.Database.CreateContext();
        return await count(db);
    }

    [Fact]
    public async Task TheSampleCsvFilesImportInOrderAndASecondImportChangesNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        string[] files =
        [
            "actor:actors.csv",
            "source:sources.csv",
            "proposition:propositions.csv",
            "claim:claims.csv",
            "citation:citations.csv",
        ];
        foreach (var file in files)
        {
            var (type, name) = (file.Split(':')[0], file.Split(':')[1]);
            using var response = await PostAsync(editor, $"?type={type}", File(name, "text/csv"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var report = await response.JsonAsync();
            report.GetProperty("committed").GetBoolean().Should().BeTrue();
        }

        var yusov = await CountAsync(db =>
            db.Claims.CountAsync(c => c.Summary.Contains("11,000 North Korean soldiers were in Kursk"))
        );
        yusov.Should().Be(1);
        await using (var db = fixture.Database.CreateContext())
        {
            var claim = await db
                .Claims.Include(c => c.Citations)
                .SingleAsync(c => c.Summary.Contains("11,000 North Korean soldiers were in Kursk"));
            claim.Quantity!.ImpliedInterval.Low.Should().Be(9900);
            claim.Citations.Should().ContainSingle().Which.Role.Should().Be(Domain.Claims.CitationRole.Origin);
            (await db.ChangeHistory.CountAsync(h => h.EntityId == claim.Id && h.ChangedBy.StartsWith("editor")))
                .Should()
                .BePositive("imports are in the history under the importer");
        }

        var claimsBefore = await CountAsync(db => db.Claims.CountAsync());
        foreach (var file in files)
        {
            var (type, name) = (file.Split(':')[0], file.Split(':')[1]);
            using var again = await PostAsync(editor, $"?type={type}", File(name, "text/csv"));
            var counts = (await again.JsonAsync()).GetProperty("counts");
            foreach (var kind in counts.EnumerateObject())
            {
                kind.Value.GetProperty("created").GetInt32().Should().Be(0, $"{name} was imported already");
                kind.Value.GetProperty("updated").GetInt32().Should().Be(0);
            }
        }

        (await CountAsync(db => db.Claims.CountAsync())).Should().Be(claimsBefore);
    }

    [Fact]
    public async Task ADryRunReportsWhatWouldChangeAndStoresNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var keys = await CountAsync(db => db.ExternalIds.CountAsync());
        var history = await CountAsync(db => db.ChangeHistory.CountAsync());

        using var response = await PostAsync(editor, "?dryRun=true", File("import.json", "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = await response.JsonAsync();
        report.GetProperty("dryRun").GetBoolean().Should().BeTrue();
        report.GetProperty("committed").GetBoolean().Should().BeFalse();
        report.GetProperty("rows").GetInt64().Should().Be(9);
        (await CountAsync(db => db.ExternalIds.CountAsync())).Should().Be(keys);
        (await CountAsync(db => db.ChangeHistory.CountAsync())).Should().Be(history);
    }

    [Fact]
    public async Task OneBadRowAmongThousandsStoresNothingAndIsNamed()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var csv = new StringBuilder("externalId,name,kind,countryCode\n");
        for (var i = 1; i <= 3000; i++)
        {
            csv.Append(
                System.Globalization.CultureInfo.InvariantCulture,
                $"bulk-{i},Bulk actor {i},{(i == 1234 ? "Wizard" : "Person")},{(i == 2500 ? "Korea" : "KR")}\n"
            );
        }

        using var response = await PostAsync(editor, "?type=actor", Csv(csv.ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var rows = (await response.JsonAsync())
            .GetProperty("rows")
            .EnumerateArray()
            .Select(r => (Line: r.GetProperty("line").GetInt64(), Field: r.GetProperty("field").GetString()))
            .ToList();
        rows.Should().BeEquivalentTo([(1235L, "kind"), (2501L, "countryCode")]);
        (await CountAsync(db => db.Actors.CountAsync(a => a.Name.StartsWith("Bulk actor")))).Should().Be(0);
    }

    [Fact]
    public async Task MalformedFilesGetAClearErrorNotAServerError()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);

        using var unknownColumn = await PostAsync(
            editor,
            "?type=actor",
            Csv("externalId,name,knd\nx,Someone,Person\n")
        );
        using var noType = await PostAsync(editor, "", Csv("externalId,name,kind\nx,Someone,Person\n"));
        using var brokenJson = await PostAsync(
            editor,
            "",
            new StringContent("[{\"type\":\"actor\",\"externalId\":\"x\",", Encoding.UTF8, "application/json")
        );
        using var brokenLine = await PostAsync(
            editor,
            "",
            new StringContent(
                "{\"type\":\"actor\",\"externalId\":\"y\",\"name\":\"Y\",\"kind\":\"Person\"}\n{not json}\n",
                Encoding.UTF8,
                "application/x-ndjson"
            )
        );
        using var unknownProperty = await PostAsync(
            editor,
            "",
            new StringContent(
                "[{\"type\":\"actor\",\"externalId\":\"z\",\"name\":\"Z\",\"kind\":\"Person\",\"nmae\":\"typo\"}]",
                Encoding.UTF8,
                "application/json"
            )
        );
        using var noFormat = await PostAsync(
            editor,
            "",
            new StringContent("x", Encoding.UTF8, "application/octet-stream")
        );

        noFormat.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        noFormat.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        foreach (var response in new[] { unknownColumn, noType, brokenJson, brokenLine, unknownProperty })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await unknownColumn.Content.ReadAsStringAsync()).Should().Contain("knd");
        (await brokenLine.JsonAsync()).GetProperty("rows")[0].GetProperty("line").GetInt64().Should().Be(2);
        (await CountAsync(db => db.Actors.CountAsync(a => a.Name == "Y")))
            .Should()
            .Be(0, "the good line is not stored either");
    }

    [Fact]
    public async Task AnalystsCannotImport()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var response = await PostAsync(analyst, "?type=actor", Csv("externalId,name,kind\nx,Someone,Person\n"));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "ConflictTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public async Task ACollectiveSourceIsImportedReadAndReplacedThroughTheApi()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var json =
            $"[{{\"type\":\"actor\",\"externalId\":\"residents-{tag}\",\"name\":\"Residents of Kursk {tag}\",\"kind\":\"Other\",\"collective\":true}}]";
        using (var imported = await PostAsync(editor, "", new StringContent(json, Encoding.UTF8, "application/json")))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        Guid id;
        await using (var db = fixture.Database.CreateContext())
        {
            var actor = await db.Actors.SingleAsync(a => a.Name == $"Residents of Kursk {tag}");
            actor.IsCollective.Should().BeTrue();
            id = actor.Id;
        }

        using var read = await editor.GetAsync($"/api/v1/actors/{id}");
        (await read.JsonAsync()).GetProperty("isCollective").GetBoolean().Should().BeTrue();

        var body = new
        {
            name = $"Residents of Kursk {tag}",
            kind = "Other",
            countryCode = (string?)null,
            description = (string?)null,
            reliability = (string?)null,
            isCollective = false,
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/actors/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body),
            Headers = { IfMatch = { read.Headers.ETag! } },
        };
        using (var replaced = await editor.SendAsync(put))
        {
            replaced.StatusCode.Should().Be(HttpStatusCode.NoContent, await replaced.Content.ReadAsStringAsync());
        }

        (await CountAsync(db => db.Actors.CountAsync(a => a.Id == id && !a.IsCollective))).Should().Be(1);

        using var bad = await PostAsync(
            editor,
            "?type=actor",
            Csv($"externalId,name,kind,collective\nx-{tag},Crowd {tag},Other,perhaps\n")
        );
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("is not true or false");
    }
}
