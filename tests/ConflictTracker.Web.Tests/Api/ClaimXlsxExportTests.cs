using System.Globalization;
using System.Net;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The claims export as XLSX, read back with the Open XML SDK: the CSV's columns, typed cells.</summary>
public class ClaimXlsxExportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");

    private sealed record XlsxCell(string? Text, double? Number, string? DateFormat);

    [Fact]
    public async Task TheWorkbookHasTheCsvColumnsWithNumbersAsNumbersAndDatesAsDates()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var proposition = $"proposition={DemoIds.For("proposition", "nk-troops-in-russia")}";
        using var response = await analyst.GetAsync($"/api/v1/export/claims.xlsx?{proposition}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response
            .Content.Headers.ContentType!.MediaType.Should()
            .Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("claims.xlsx");
        var sheet = Read(await response.Content.ReadAsByteArrayAsync());
        var csv = await analyst.GetStringAsync($"/api/v1/export/claims.csv?{proposition}");
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var csvRows = 0;
        while (reader.Read())
        {
            csvRows++;
        }

        var header = sheet[0].Select(c => c.Text).ToList();
        header.Should().Equal(reader.HeaderRecord, "the workbook has the CSV's columns, in the CSV's order");
        sheet.Should().HaveCount(csvRows + 1, "one row per claim under the header");
        var nis = sheet.Single(r => r[header.IndexOf("Id")].Text == Nis.ToString());
        XlsxCell Cell(string column) => nis[header.IndexOf(column)];

        Cell("QuantityMin").Should().Be(new XlsxCell(null, 1500, null), "figures are numbers");
        Cell("ImpliedLow").Number.Should().Be(1350);
        Cell("Latitude").Number.Should().Be(43.1155);
        Cell("Credibility").Should().Be(new XlsxCell(null, null, null), "an empty value is an empty cell");
        Cell("Version").Number.Should().BePositive();
        Cell("StatedOnDate").DateFormat.Should().Be("yyyy-mm-dd", "dates are dates, shown as ISO days");
        DateTime.FromOADate(Cell("StatedOnDate").Number!.Value).Should().Be(new DateTime(2024, 10, 18));
        DateTime.FromOADate(Cell("EventEnd").Number!.Value).Should().Be(new DateTime(2024, 10, 13));
        Cell("Quantity").Text.Should().Be("nearly 1,500 soldiers");
        Cell("Stance").Text.Should().Be("Affirms");
        Cell("StatedOnPrecision").Text.Should().Be("Day");
    }

    [Fact]
    public async Task ABadParameterIsAProblemAndNotAWorkbook()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync("/api/v1/export/claims.xlsx?stance=Shouts&from=yesterday");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("none", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, HttpStatusCode.OK)]
    [InlineData(Roles.Editor, HttpStatusCode.OK)]
    [InlineData(Roles.Reviewer, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task ReadersDownloadTheWorkbook(string who, HttpStatusCode expected)
    {
        var client = await fixture.ClientAsync(who);

        using var response = await client.GetAsync("/api/v1/export/claims.xlsx?q=Vladivostok");

        response.StatusCode.Should().Be(expected);
    }

    /// <summary>The first sheet's rows as cells: text (inline or shared strings), numbers, and the number format of
    /// a date cell.</summary>
    private static List<List<XlsxCell>> Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheet.Name!.Value.Should().Be("Claims");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet;
        string? DateFormat(Cell cell)
        {
            if (cell.StyleIndex is null || formats?.CellFormats is null)
            {
                return null;
            }

            var format = formats.CellFormats.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);
            return formats
                .NumberingFormats?.Elements<NumberingFormat>()
                .FirstOrDefault(n => n.NumberFormatId!.Value == format.NumberFormatId?.Value)
                ?.FormatCode?.Value;
        }

        var rows = new List<List<XlsxCell>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<XlsxCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                // Cells without a reference follow the one before.
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(new XlsxCell(null, null, null));
                }

                var type = cell.DataType?.Value;
                cells.Add(
                    type == CellValues.InlineString ? new XlsxCell(cell.InlineString!.InnerText, null, null)
                    : type == CellValues.SharedString
                        ? new XlsxCell(
                            shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)].InnerText,
                            null,
                            null
                        )
                    : type == CellValues.String ? new XlsxCell(cell.CellValue?.Text, null, null)
                    : cell.CellValue is null ? new XlsxCell(null, null, null)
                    : new XlsxCell(
                        null,
                        double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture),
                        DateFormat(cell)
                    )
                );
            }

            rows.Add(cells);
        }

        var width = rows[0].Count;
        foreach (var row in rows)
        {
            while (row.Count < width)
            {
                row.Add(new XlsxCell(null, null, null));
            }
        }

        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
