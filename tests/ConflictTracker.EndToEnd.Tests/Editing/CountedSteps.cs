using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>
/// An editor's steps, counted: each click, each field typed into and each page the editor opens is one
/// action; picking from a list takes two (typing to find it, or opening the list, and the click on the choice).
/// Waiting for the page is not an action.
/// </summary>
internal sealed class CountedSteps(IPage page)
{
    public int Count { get; private set; }

    /// <summary>Opens a page, as a link or the address bar would: one action.</summary>
    public async Task OpenAsync(string address)
    {
        Count++;
        await page.GotoAsync(address);
        await page.WaitForCircuitAsync();
    }

    public async Task ClickAsync(string testId)
    {
        Count++;
        await page.GetByTestId(testId).ClickAsync();
    }

    public async Task CheckAsync(string testId)
    {
        Count++;
        await page.GetByTestId(testId).CheckAsync();
    }

    public async Task TypeAsync(string testId, string text)
    {
        Count++;
        await page.GetByTestId(testId).FillAsync(text);
    }

    /// <summary>Types into an autocomplete and clicks the option: two actions.</summary>
    public async Task PickAsync(string testId, string typed, string option)
    {
        Count += 2;
        await FormSteps.PickAsync(page, testId, typed, option);
    }

    /// <summary>Opens a select and clicks the choice: two actions.</summary>
    public async Task SelectAsync(string label, string option)
    {
        Count += 2;
        await FormSteps.SelectAsync(page, label, option);
    }
}
