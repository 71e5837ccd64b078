using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>Two editors on one claim in two browsers: the second is told what changed and re-applies on top.</summary>
public class ConcurrentEditPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheSecondSaveIsRefusedWithTheOtherChangeAndReappliedOnTopOfIt()
    {
        var claim = $"/claims/{DemoIds.For("claim", "kim-might-send-troops")}";
        var first = await browser.NewPageAsync(role: Roles.Editor);
        // Short enough that the Save button and the message above the form are never both in view.
        var second = await browser.NewPageAsync(height: 600, role: Roles.Editor);
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync(claim + "/edit");
            await page.WaitForCircuitAsync();
            await Assertions
                .Expect(page.GetByTestId("summary"))
                .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("might support"));
        }

        await first
            .GetByTestId("summary")
            .FillAsync("The defence minister told parliament North Korea might send troops to Russia.");
        await first.GetByTestId("save").ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(claim + "$"));

        await second.GetByTestId("stated-on").FillAsync("2024-10");
        await second.GetByTestId("save").ClickAsync();
        var conflict = second.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Summary");
        await Assertions.Expect(conflict).ToContainTextAsync("might send troops to Russia");
        await Assertions.Expect(conflict).ToBeInViewportAsync();
        await Assertions.Expect(conflict).ToBeFocusedAsync();
        await second.SaveScreenshotAsync("edit-conflict");

        await second.GetByTestId("reapply").ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(claim + "$"));
        await Assertions.Expect(second.GetByTestId("claim-stated")).ToHaveTextAsync("Oct 2024");
        await Assertions
            .Expect(second.Locator("h1"))
            .ToHaveTextAsync("The defence minister told parliament North Korea might send troops to Russia.");
    }
}
