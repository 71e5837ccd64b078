using System.Text.RegularExpressions;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>
/// How many actions it takes to enter a Blinken-like statement reported by the seed article: a new actor (Antony
/// Blinken) with a role (Secretary of State of the United States Government, speaking for it), and a figure that
/// counts something the proposition has no measure for yet (North Korean soldiers in the Kursk region).
/// </summary>
public class EntryActionsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The actions the path through three forms took before the statement form's shortcuts
    /// (docs/rules/editing.md).</summary>
    public const int Baseline = 34;

    private static readonly string Proposition =
        "North Korean troops are deployed to Russia for the war against Ukraine";
    private static readonly string Article = "Are North Korean troops fighting Russia's war in Ukraine?";
    private const string Summary = "About 8,000 North Korean soldiers have been moved to Russia's Kursk region.";
    private const string Quote =
        "About 8,000 North Korean soldiers have been moved to Russia's Kursk region near the Ukrainian border";

    [Fact]
    public async Task ThePathThroughThreeFormsTakes34Actions()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(role: Roles.Editor);
        var steps = new CountedSteps(page);

        // The measure, on the proposition's own form.
        await steps.OpenAsync($"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}");
        await steps.ClickAsync("edit-proposition");
        await page.WaitForCircuitAsync();
        await steps.TypeAsync("measure-name", $"North Korean soldiers in the Kursk region {tag}");
        await steps.TypeAsync("measure-unit", "soldiers");
        await steps.ClickAsync("add-measure");
        await Assertions.Expect(page.GetByTestId("measures-editor")).ToContainTextAsync($"Kursk region {tag}");

        // The actor and the role, on the actor's form.
        await steps.OpenAsync("/actors/new");
        await steps.TypeAsync("actor-name", $"Antony Blinken {tag}");
        await steps.ClickAsync("save-actor");
        await Assertions.Expect(page.GetByTestId("aliases-editor")).ToBeVisibleAsync();
        await steps.PickAsync("role-organisation", "United States Gov", "United States Government");
        await steps.TypeAsync("role-title", "Secretary of State");
        await steps.CheckAsync("role-speaks-for");
        await steps.ClickAsync("add-role");
        await Assertions.Expect(page.GetByText("Role added.")).ToBeVisibleAsync();

        // The statement.
        await steps.OpenAsync("/claims/new");
        await steps.PickAsync("proposition", "deployed", Proposition);
        await steps.PickAsync("actor", $"Blinken {tag}", $"Antony Blinken {tag}");
        await steps.PickAsync("on-behalf-of", "United States Gov", "United States Government");
        await steps.TypeAsync("summary", Summary);
        await steps.TypeAsync("stated-on", "2024-10-31");
        await steps.TypeAsync("quote", Quote);
        await steps.TypeAsync("quote-language", "en");
        await steps.SelectAsync("What the figure counts", $"Kursk region {tag}");
        await steps.SelectAsync("Qualifier", "about");
        await steps.TypeAsync("figure", "8000");
        await steps.SelectAsync("Status", "Published");
        await steps.PickAsync("source", "troops fighting", Article);
        await steps.ClickAsync("save");

        await Assertions.Expect(page.GetByTestId("claim-quantity")).ToContainTextAsync("about 8,000 soldiers");
        steps.Count.Should().Be(Baseline);
    }

    [Fact]
    public async Task TheStatementFormAloneTakesAtMostHalfAsManyActions()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(role: Roles.Editor);
        var steps = new CountedSteps(page);

        await steps.OpenAsync("/claims/new");
        // The proposition, the seed article as the source and English as the quote's language, from a statement
        // reported in the same article.
        await Assertions.Expect(page.GetByTestId("save")).ToBeVisibleAsync();
        await steps.PickAsync("copy-from", "Solovey", "the first video evidence");
        await Assertions.Expect(page.GetByTestId("proposition")).ToHaveValueAsync(Proposition);
        await Assertions.Expect(page.GetByTestId("quote-language")).ToHaveValueAsync("English (en)");
        await steps.CheckAsync("new-actor");
        await steps.TypeAsync("new-actor-name", $"Antony Blinken {tag}");
        await steps.PickAsync("on-behalf-of", "United States Gov", "United States Government");
        await steps.TypeAsync("new-actor-role", "Secretary of State");
        await steps.TypeAsync("summary", Summary);
        await steps.TypeAsync("stated-on", "2024-10-31");
        await steps.TypeAsync("quote", Quote);
        await steps.CheckAsync("new-measure");
        await steps.TypeAsync("new-measure-name", $"North Korean soldiers in the Kursk region {tag}");
        await steps.TypeAsync("new-measure-unit", "soldiers");
        await steps.TypeAsync("figure", "about 8,000");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("statement-editor-shortcuts");
        await steps.ClickAsync("save");

        await Assertions.Expect(page.GetByTestId("claim-quantity")).ToContainTextAsync("about 8,000 soldiers");
        await Assertions
            .Expect(page.GetByTestId("quote-original-language"))
            .ToHaveTextAsync("Original language: English");
        steps.Count.Should().Be(16).And.BeLessThanOrEqualTo(Baseline / 2);

        // The next statement from the same article: its source in one click.
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("last-source").ClickAsync();
        await Assertions.Expect(page.GetByTestId("source")).ToHaveValueAsync(new Regex(Regex.Escape(Article)));
    }
}
