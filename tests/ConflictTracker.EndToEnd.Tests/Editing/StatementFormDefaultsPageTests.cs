using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>The statement form's safe defaults, its languages by name, and near-duplicate actors.</summary>
public class StatementFormDefaultsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StatedOnMustBeGivenStatusIsPublishedAndLanguagesArePickedByName()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("stated-on")).ToHaveValueAsync("");
        await Assertions.Expect(FormSteps.FieldOf(page, "status")).ToContainTextAsync("Published");
        await FormSteps.PickAsync(page, "quote-language", "Kor", "Korean (ko)");
        await page.GetByTestId("save").ClickAsync();

        await Assertions
            .Expect(FormSteps.FieldOf(page, "stated-on"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-input-error"));
        await Assertions.Expect(page.GetByTestId("quote-language")).ToHaveValueAsync("Korean (ko)");
    }

    [Fact]
    public async Task ANearDuplicateActorIsWarnedAboutOnTheStatementFormAndTheActorPage()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("new-actor").CheckAsync();
        await page.GetByTestId("new-actor-name").FillAsync("Kyrylo Budanow");
        await page.GetByTestId("new-actor-name").BlurAsync();

        await Assertions.Expect(page.GetByTestId("similar-actors")).ToContainTextAsync("Kyrylo Budanov");
        await page.GetByTestId("choose-similar-actor").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("actor")).ToHaveValueAsync("Kyrylo Budanov");

        await page.GotoAsync("/actors/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("actor-name").FillAsync("Kyrylo Budanow");
        await page.GetByTestId("actor-name").BlurAsync();
        await Assertions.Expect(page.GetByTestId("similar-actors")).ToContainTextAsync("Kyrylo Budanov");
    }
}
