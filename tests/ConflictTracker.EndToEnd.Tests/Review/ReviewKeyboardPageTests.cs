using ConflictTracker.EndToEnd.Tests.Editing;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Review;

/// <summary>The review queue at a working pace in a real browser: keys, confirming, and assignment's filter.</summary>
public class ReviewKeyboardPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Selected(IPage page) => page.Locator("[data-testid=queue-item][aria-current=true]");

    private static async Task ChooseWhoseAsync(IPage page, string option)
    {
        await FormSteps.SelectAsync(page, "Whose", option);
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Whose" })).ToHaveTextAsync(option);
    }

    [Fact]
    public async Task AReviewerMovesWithKeysConfirmsWithCAndFiltersTheItemsAssignedToThem()
    {
        var page = await browser.NewPageAsync(role: Roles.Reviewer);
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        var items = page.GetByTestId("queue-item");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("queue-keys")).ToContainTextAsync("c confirm");
        await Assertions.Expect(page.Locator("[data-keys=ready]")).ToHaveCountAsync(1);

        // j and k (and the arrows) move through the list.
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(Selected(page)).ToHaveCountAsync(1);
        var first = await Selected(page).InnerTextAsync();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(Selected(page)).Not.ToHaveTextAsync(first);
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(Selected(page)).ToHaveTextAsync(first);

        // An incompatible-figures pair names both speakers and figures; c typed in the note is the note's.
        var pair = items.Filter(new() { HasText = "Incompatible figures" }).First;
        await Assertions.Expect(pair.GetByTestId("queue-item-sides")).ToContainTextAsync("↔");
        var what = await pair.InnerTextAsync();
        await pair.ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-detail")).ToBeVisibleAsync();
        var note = page.GetByTestId("decision-note");
        await note.FillAsync("");
        await note.PressSequentiallyAsync("c d");
        await Assertions.Expect(note).ToHaveValueAsync("c d");
        await Assertions.Expect(Selected(page)).ToHaveTextAsync(what);

        // Out of the field, c confirms the selected pair: it leaves the queue.
        var before = await items.CountAsync();
        await page.GetByTestId("queue-detail").ClickAsync();
        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(items).ToHaveCountAsync(before - 1);
        await Assertions.Expect(items.Filter(new() { HasText = what })).ToHaveCountAsync(0);

        // Assign the next item to me: "Mine" lists only it, "Unassigned" everything else.
        await page.Keyboard.PressAsync("j");
        var taken = await Selected(page).InnerTextAsync();
        await page.GetByTestId("assign-to-me").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assigned-to")).ToContainTextAsync("Assigned to reviewer");
        await Assertions.Expect(Selected(page).GetByTestId("queue-item-assignee")).ToBeVisibleAsync();
        var all = await items.CountAsync();

        // With a single item left, "Mine" shows the same list as everyone's: wait for the choice itself.
        await ChooseWhoseAsync(page, "Mine");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First).ToContainTextAsync("Assigned to reviewer");
        await ChooseWhoseAsync(page, "Unassigned");
        await Assertions.Expect(items).ToHaveCountAsync(all - 1);
        await Assertions.Expect(items.Filter(new() { HasText = "Assigned to" })).ToHaveCountAsync(0);
        taken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task LeavingTheQueueWhileItsKeysAreBeingSetUpBreaksNothing()
    {
        // The keys are set up after the first render; a reviewer who follows a link at once must land on
        // the next page, not on an error (a disposed page's reference handed to the browser).
        var page = await browser.NewPageAsync(role: Roles.Reviewer);
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/review");
            await page.WaitForCircuitAsync();
            await page.GetByTestId("unverified-quotes-link").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review/quotes$"));
            await Assertions.Expect(page.GetByTestId("quotes-checked")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Something went wrong and has been logged")).ToHaveCountAsync(0);
        }
    }
}
