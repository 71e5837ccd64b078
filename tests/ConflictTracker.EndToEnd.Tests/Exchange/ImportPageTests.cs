using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Exchange;

/// <summary>The import page in a real browser: a dry run, the real import, a file with a bad row; the explorer's
/// download link.</summary>
public class ImportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "ConflictTracker.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory.FullName, "docs", "samples", name);
    }

    [Fact]
    public async Task AnEditorDryRunsThenImportsTheSampleFileAndABadFileStoresNothing()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/import");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=import-form][data-ready=true]").WaitForAsync();

        await page.GetByTestId("import-file").SetInputFilesAsync(Sample("import.jsonl"));
        await Assertions
            .Expect(page.GetByTestId("import-result"))
            .ToContainTextAsync("Dry run", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("Claims");
        await page.SaveScreenshotAsync("import-dry-run");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await page.GetByLabel("Dry run: check and report, store nothing").UncheckAsync();
        // The same records as a JSON array (a browser does not report choosing the same file twice).
        await page.GetByTestId("import-file").SetInputFilesAsync(Sample("import.json"));
        await Assertions
            .Expect(page.GetByTestId("import-result"))
            .ToContainTextAsync("Imported import.json: 9 row(s)", new() { Timeout = 30_000 });

        // The file name says what the CSV holds.
        var bad = Path.Combine(Path.GetTempPath(), $"actors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "externalId,name,kind\nok-1,A good actor,Person\nbad-1,A bad actor,Wizard\n");
        await page.GetByTestId("import-file").SetInputFilesAsync(bad);
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("nothing was stored");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("Wizard");
        await Assertions.Expect(page.GetByTestId("import-errors").Locator("td").First).ToHaveTextAsync("3");
        File.Delete(bad);

        var analyst = await browser.NewPageAsync(role: Roles.Analyst);
        await analyst.GotoAsync("/claims?q=Kursk");
        await Assertions.Expect(analyst.GetByTestId("claims-count")).ToContainTextAsync("claim");
        var href = await analyst.GetByTestId("export-csv").GetAttributeAsync("href");
        var download = await analyst.APIRequest.GetAsync(href!);
        download.Status.Should().Be(200);
        (await download.TextAsync()).Should().Contain("Yusov");
    }
}
