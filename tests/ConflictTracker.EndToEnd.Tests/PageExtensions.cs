using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests;

internal static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit has taken over from the prerendered HTML, so clicks are
    /// handled.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-testid=circuit-state][data-interactive=true]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Runs axe-core in the page and returns the serious and critical violations, described.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        return result
            .Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v =>
                $"{v.Impact}: {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"))}"
            )
            .ToList();
    }

    /// <summary>Every violation axe finds in the page, of any impact, with how many elements it concerns.</summary>
    public static async Task<IReadOnlyList<AccessibilityFinding>> AccessibilityFindingsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        return result
            .Violations.Select(v => new AccessibilityFinding(
                v.Impact ?? "unknown",
                v.Id,
                v.Help,
                v.Nodes.Length,
                string.Join(", ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"))
            ))
            .ToList();
    }

    /// <summary>The landmark findings of axe (any impact): no main landmark, more than one, or content outside
    /// every landmark.</summary>
    public static async Task<IReadOnlyList<string>> LandmarkViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        return result
            .Violations.Where(v => v.Id is "landmark-one-main" or "region" or "landmark-no-duplicate-main")
            .Select(v => $"{v.Id} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>How wide the page's content is, in CSS pixels: more than the window means scrolling sideways.</summary>
    public static Task<int> ScrollWidthAsync(this IPage page) =>
        page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    /// <summary>True when the page is wider than the window, i.e. the reader must scroll sideways.</summary>
    public static Task<bool> OverflowsSidewaysAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>Saves a full-page screenshot under artifacts/screenshots (git-ignored) for a person to look
    /// at.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true }
        );
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConflictTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>One rule axe found broken in a page.</summary>
internal sealed record AccessibilityFinding(string Impact, string Rule, string Help, int Elements, string Where)
{
    public override string ToString() => $"{Impact}: {Rule} ({Help}), {Elements} element(s) at {Where}";
}
