using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>Editors create a proposition with a measure and an actor with an alias in the browser.</summary>
public class RecordEditorPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorCreatesAPropositionWithAMeasureAndAnActorWithAnAlias()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(role: Roles.Editor);

        await page.GotoAsync("/propositions/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("proposition-statement").FillAsync($"North Korea sends engineers to Russia {tag}");
        await page.GetByTestId("save-proposition").ClickAsync();
        await Assertions.Expect(page.GetByTestId("measures-editor")).ToBeVisibleAsync();
        await page.GetByTestId("measure-name").FillAsync("North Korean engineers in Russia");
        await page.GetByTestId("measure-unit").FillAsync("engineers");
        await page.GetByTestId("add-measure").ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("measures-editor"))
            .ToContainTextAsync("North Korean engineers in Russia (engineers)");
        // Check once the "saved" message has faded: axe measures contrast mid-animation otherwise.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await page.GotoAsync("/actors/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("actor-name").FillAsync($"Shin Won-sik {tag}");
        await page.GetByTestId("actor-country").FillAsync("K1");
        // The demo data has a Shin Won-sik: the warning comes in above the form once the name is in, and a click
        // made while it pushes the Save button down would land beside it.
        await Assertions.Expect(page.GetByTestId("similar-actors")).ToContainTextAsync("Shin Won-sik");
        await page.GetByTestId("save-actor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("ISO 3166-1");
        await page.GetByTestId("actor-country").FillAsync("KR");
        await page.GetByTestId("save-actor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("aliases-editor")).ToBeVisibleAsync();
        await page.GetByTestId("alias-name").FillAsync($"신원식 {tag}");
        await page.GetByTestId("alias-language").FillAsync("ko");
        await page.GetByTestId("add-alias").ClickAsync();
        await Assertions.Expect(page.GetByTestId("aliases-editor")).ToContainTextAsync($"신원식 {tag} (ko)");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("actor-editor");
    }
}
