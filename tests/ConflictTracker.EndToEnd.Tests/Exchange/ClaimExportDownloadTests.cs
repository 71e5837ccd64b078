using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Exchange;

/// <summary>The explorer's CSV and XLSX downloads, and the CSV imported back on the import page.</summary>
public class ClaimExportDownloadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorDownloadsTheSearchAsXlsxAndCsvAndTheCsvImportsBackUnchanged()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims?q=Vladivostok");
        await Assertions.Expect(page.GetByTestId("claims-count")).ToContainTextAsync("claim");

        var xlsx = await page.APIRequest.GetAsync((await page.GetByTestId("export-xlsx").GetAttributeAsync("href"))!);
        xlsx.Status.Should().Be(200);
        xlsx.Headers["content-type"].Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.BodyAsync()).Take(2).Should().Equal((byte)'P', (byte)'K');
        var csv = await page.APIRequest.GetAsync((await page.GetByTestId("export-csv").GetAttributeAsync("href"))!);
        csv.Status.Should().Be(200);
        var text = await csv.TextAsync();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        rows.Should().BePositive();
        var file = Path.Combine(Path.GetTempPath(), $"claims-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, text);

        await page.GotoAsync("/import");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=import-form][data-ready=true]").WaitForAsync();
        await page.GetByLabel("Dry run: check and report, store nothing").UncheckAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(file);

        await Assertions
            .Expect(page.GetByTestId("import-result"))
            .ToContainTextAsync($"{rows} row(s)", new() { Timeout = 30_000 });
        await Assertions
            .Expect(page.GetByTestId("import-counts").Locator("tbody tr"))
            .ToHaveTextAsync($"Claims00{rows}");
        File.Delete(file);
    }
}
