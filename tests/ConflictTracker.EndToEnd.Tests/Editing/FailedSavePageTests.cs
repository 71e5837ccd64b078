using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>A refused save takes the editor to the message, far above the Save button, and from there to the
/// field.</summary>
public class FailedSavePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ARefusedSaveBringsTheMessageIntoViewAndFocusesIt()
    {
        var page = await browser.NewPageAsync(height: 700, role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("summary").FillAsync("A statement with no proposition, speaker or source.");

        await page.GetByTestId("save").ClickAsync();

        var message = page.GetByTestId("form-errors");
        await Assertions.Expect(message).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(message).ToBeInViewportAsync();
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(message).ToHaveAttributeAsync("role", "alert");
        (
            await page.EvaluateAsync<double>(
                "() => document.querySelector('[data-testid=form-errors]').getBoundingClientRect().top"
            )
        )
            .Should()
            .BeGreaterThanOrEqualTo(48, "the message is not hidden under the app bar");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("refused-save-revealed");

        await page.GetByTestId("go-to-field").ClickAsync();
        var proposition = page.GetByTestId("proposition");
        await Assertions.Expect(proposition).ToBeFocusedAsync();
        await Assertions.Expect(proposition).ToBeInViewportAsync();
    }
}
