using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>What an editor does in a form, step by step, shared by the editing tests.</summary>
internal static class FormSteps
{
    /// <summary>
    /// Types into an autocomplete, picks the option that appears, and waits until the field shows
    /// it: the autocomplete takes the focus back when the server handles the pick, so typing in
    /// another field sooner (a busy machine) would be blurred and emptied.
    /// </summary>
    public static async Task PickAsync(IPage page, string testId, string typed, string option)
    {
        await page.GetByTestId(testId).FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId(testId)).ToHaveValueAsync(new Regex(Regex.Escape(option)));
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static async Task SelectAsync(IPage page, string label, string option)
    {
        await page.Locator(".mud-select", new() { Has = page.GetByText(label, new() { Exact = true }) })
            .First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>
    /// <paramref name="length"/> characters of Hangul syllables (3 bytes each in UTF-8) in words of six,
    /// different for each <paramref name="seed"/>; no space at either end, so trimming keeps them all.
    /// </summary>
    public static string Korean(int length, int seed)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(i % 7 == 6 && i < length - 1 ? ' ' : (char)(0xAC00 + ((i * 37) + (seed * 101)) % 11172));
        }

        return text.ToString();
    }

    /// <summary>The field around an input: its label, helper text, counter and message.</summary>
    public static ILocator FieldOf(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) }).Last;

    /// <summary>The drafts this browser keeps for the app, as stored (encrypted).</summary>
    public static Task<string[]> StoredDraftsAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('ct-draft:')).map(k => localStorage.getItem(k))"
        );
}
