using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The claims CSV carries values a pivot table can use, and reads back through the import: export, import,
/// export gives the same file; changed rows update their claims; new rows add claims.</summary>
public class ClaimExportRoundTripTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");

    private async Task<string> ExportAsync(string query = "")
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        using var response = await analyst.GetAsync($"/api/v1/export/claims.csv{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string csv)
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        using var response = await editor.PostAsync(
            "/api/v1/import?type=claim",
            new StringContent(csv, Encoding.UTF8, "text/csv")
        );
        return (response.StatusCode, await response.JsonAsync());
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        return reader
            .GetRecords<dynamic>()
            .Cast<IDictionary<string, object>>()
            .Select(r => r.ToDictionary(c => c.Key, c => (string)c.Value))
            .ToList();
    }

    private static string Write(List<Dictionary<string, string>> rows)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(buffer, CultureInfo.InvariantCulture))
        {
            foreach (var column in rows[0].Keys)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        return buffer.ToString();
    }

    private static JsonElement ClaimCounts(JsonElement report) =>
        report
            .GetProperty("counts")
            .EnumerateObject()
            .Single(p => p.Name.Equals("claim", StringComparison.OrdinalIgnoreCase))
            .Value;

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("-5 soldiers", "'-5 soldiers")]
    [InlineData("'Tis so", "'Tis so")]
    [InlineData("''", "''")]
    [InlineData("plain", "plain")]
    public void WhatTheCsvNeutralisesReadsBackAsItWas(string text, string written)
    {
        Features.Exchange.SpreadsheetCsv.Neutralise(text).Should().Be(written);
        Features.Exchange.SpreadsheetCsv.Restore(written).Should().Be(text);
    }

    [Fact]
    public async Task TheClaimsCsvHasOneValuePerColumnWithIsoDatesAndInvariantNumbers()
    {
        await fixture.Database.ExecuteAsync(
            "UPDATE sources SET url = 'https://www.nis.go.kr/statement', reliability = 'B' WHERE id = @id",
            ("id", DemoIds.For("source", "nis-2024-10-18"))
        );

        var rows = Rows(await ExportAsync());
        var nis = rows.Single(r => r["Id"] == Nis.ToString());

        nis["Quantity"].Should().Be("nearly 1,500 soldiers", "the readable figure stays beside the values");
        nis["QuantityMin"].Should().Be("1500");
        nis["QuantityMax"].Should().Be("1500");
        nis["Qualifier"].Should().Be("Nearly");
        nis["ImpliedLow"].Should().Be("1350");
        nis["ImpliedHigh"].Should().Be("1500");
        nis["Measure"].Should().Be("North Korean soldiers ferried to Vladivostok");
        nis["Unit"].Should().Be("soldiers");
        nis["StatedOnDate"].Should().Be("2024-10-18");
        nis["StatedOnPrecision"].Should().Be("Day");
        nis["EventStart"].Should().Be("2024-10-08");
        nis["EventEnd"].Should().Be("2024-10-13");
        nis["EventStartPrecision"].Should().Be("Day");
        nis["Place"].Should().Be("Vladivostok");
        nis["Latitude"].Should().Be("43.1155");
        nis["Longitude"].Should().Be("131.8855");
        nis["Source"].Should().StartWith("National Intelligence Service statement");
        nis["SourceRole"].Should().Be("Origin");
        nis["SourceUrl"].Should().Be("https://www.nis.go.kr/statement");
        nis["SourceReliability"].Should().Be("B");
        nis["SourceCount"].Should().Be("2");
        nis["Sources"].Should().Contain("; ").And.Contain("Are North Korean troops fighting");
        var peskov = rows.Single(r => r["Id"] == DemoIds.For("claim", "peskov-fake-news").ToString());
        peskov["Quote"].Should().Be("This seems like yet another fake news story.");
        peskov["QuoteLanguage"].Should().Be("en");
        peskov["OnBehalfOfId"].Should().Be(DemoIds.For("actor", "kremlin").ToString());
        peskov["StatedOnPrecision"].Should().Be("Month");
        peskov["QuantityMin"].Should().BeEmpty("a claim without a figure leaves the figure's columns empty");
        nis["Version"].Should().MatchRegex("^[0-9]+$");
    }

    [Fact]
    public async Task ExportImportExportGivesTheSameFileAndChangesNothing()
    {
        // A summary a spreadsheet would run as a formula goes out neutralised and comes back as it was.
        const string Formula = "=HYPERLINK(\"https://evil.example/\",\"x\")";
        var peskov = DemoIds.For("claim", "peskov-fake-news");
        await fixture.Database.ExecuteAsync(
            "UPDATE claims SET summary = @summary WHERE id = @id",
            ("summary", Formula),
            ("id", peskov)
        );
        var first = await ExportAsync();
        var rows = Rows(first);
        rows.Single(r => r["Id"] == peskov.ToString())["Summary"].Should().Be("'" + Formula);
        int history;
        await using (var db = fixture.Database.CreateContext())
        {
            history = await db.ChangeHistory.CountAsync();
        }

        var (status, report) = await ImportAsync(first);

        status.Should().Be(HttpStatusCode.OK, report.ToString());
        var counts = ClaimCounts(report);
        counts.GetProperty("unchanged").GetInt32().Should().Be(rows.Count);
        counts.GetProperty("created").GetInt32().Should().Be(0);
        counts.GetProperty("updated").GetInt32().Should().Be(0);
        (await ExportAsync()).Should().Be(first, "export, import, export gives the same file");
        await using (var db = fixture.Database.CreateContext())
        {
            (await db.ChangeHistory.CountAsync()).Should().Be(history, "an unchanged row writes no history");
            (await db.Claims.SingleAsync(c => c.Id == peskov)).Summary.Should().Be(Formula);
        }
    }

    [Fact]
    public async Task AChangedRowUpdatesItsClaimAndRowsWithoutAClaimHereAreNewClaims()
    {
        var rows = Rows(await ExportAsync($"?proposition={DemoIds.For("proposition", "nk-troops-in-russia")}"));
        var nis = rows.Single(r => r["Id"] == Nis.ToString());
        nis["QuantityMin"] = "1400";
        nis["QuantityMax"] = "1600";
        nis["Qualifier"] = "Approximately";
        nis["StatedOnDate"] = "2024-10-01";
        nis["StatedOnPrecision"] = "Month";
        nis["Actor"] = "Nobody reads this column";
        var copy = new Dictionary<string, string>(nis)
        {
            ["Id"] = "",
            ["Summary"] = "A copy entered in a spreadsheet.",
        };
        var moved = Guid.NewGuid();
        var withId = new Dictionary<string, string>(nis) { ["Id"] = moved.ToString(), ["Version"] = "" };
        var file = Write([nis, copy, withId]);

        var (status, report) = await ImportAsync(file);

        status.Should().Be(HttpStatusCode.OK, report.ToString());
        ClaimCounts(report).GetProperty("updated").GetInt32().Should().Be(1);
        ClaimCounts(report).GetProperty("created").GetInt32().Should().Be(2);
        await using (var db = fixture.Database.CreateContext())
        {
            var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == Nis);
            claim.Quantity!.Min.Should().Be(1400);
            claim.Quantity.Max.Should().Be(1600);
            claim.Quantity.Qualifier.Should().Be(Domain.Claims.QuantityQualifier.Approximately);
            claim.StatedOn.Should().Be(Domain.Claims.PartialDate.Month(2024, 10));
            (await db.ChangeHistory.CountAsync(h => h.EntityId == Nis && h.ChangedBy.StartsWith("editor")))
                .Should()
                .Be(1, "the update is in the claim's history under the importer");
            (await db.Claims.CountAsync(c => c.Summary == "A copy entered in a spreadsheet.")).Should().Be(1);
            (await db.Claims.AsNoTracking().SingleAsync(c => c.Id == moved))
                .Quantity!.Min.Should()
                .Be(1400, "a row whose id is not here becomes a claim with that id");
        }

        var again = await ImportAsync(Write([withId]));
        ClaimCounts(again.Body).GetProperty("unchanged").GetInt32().Should().Be(1, "the same file adds nothing twice");
    }

    [Fact]
    public async Task ARowWhoseClaimChangedSinceTheExportIsRefusedAndNothingIsStored()
    {
        var kim = DemoIds.For("claim", "kim-might-send-troops");
        var rows = Rows(await ExportAsync($"?proposition={DemoIds.For("proposition", "nk-troops-in-russia")}"));
        await fixture.Database.ExecuteAsync(
            "UPDATE claims SET summary = summary || ' (edited meanwhile)' WHERE id = @id",
            ("id", kim)
        );
        var row = rows.Single(r => r["Id"] == kim.ToString());
        row["Summary"] = "Changed in the spreadsheet.";
        var other = rows.First(r => r["Id"] != kim.ToString());
        other["Summary"] = "Also changed in the spreadsheet.";

        var (status, report) = await ImportAsync(Write([other, row]));

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = report.GetProperty("rows").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("field").GetString().Should().Be("version");
        error.GetProperty("line").GetInt64().Should().Be(3);
        error.GetProperty("message").GetString().Should().Contain("changed in ConflictTracker after this file");
        await using var db = fixture.Database.CreateContext();
        (await db.Claims.CountAsync(c => c.Summary.StartsWith("Also changed"))).Should().Be(0, "nothing is stored");
    }

    [Theory]
    [InlineData("")]
    [InlineData("3.0")]
    public async Task ARowThatChangesAClaimWithoutAReadableVersionIsRefused(string version)
    {
        var rows = Rows(await ExportAsync($"?proposition={DemoIds.For("proposition", "nk-troops-in-russia")}"));
        var row = rows.Single(r => r["Id"] == Nis.ToString());
        row["Summary"] = "Changed in a spreadsheet that lost the version.";
        row["Version"] = version;

        var (status, report) = await ImportAsync(Write([row]));

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = report.GetProperty("rows").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("field").GetString().Should().Be("version");
        await using var db = fixture.Database.CreateContext();
        (await db.Claims.CountAsync(c => c.Summary.StartsWith("Changed in a spreadsheet"))).Should().Be(0);
    }

    [Fact]
    public async Task BadValuesInAnExportedRowAreReportedByColumn()
    {
        var rows = Rows(await ExportAsync($"?proposition={DemoIds.For("proposition", "nk-troops-in-russia")}"));
        var row = rows.Single(r => r["Id"] == Nis.ToString());
        row["StatedOnDate"] = "18/10/2024";
        row["Qualifier"] = "Roughly";
        row["Id"] = "not-an-id";

        var (status, report) = await ImportAsync(Write([row]));

        status.Should().Be(HttpStatusCode.BadRequest);
        report
            .GetProperty("rows")
            .EnumerateArray()
            .Select(e => e.GetProperty("field").GetString())
            .Should()
            .BeEquivalentTo("id", "qualifier", "statedOnDate");
    }
}
