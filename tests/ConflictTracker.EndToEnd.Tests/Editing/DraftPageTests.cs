using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>
/// A lost connection never wipes a form: the draft kept in the browser comes back, with a notice,
/// in a new circuit (a reload is what a lost circuit or a restarted server leads to), and it is gone
/// once the form is saved or the draft discarded.
/// </summary>
public class DraftPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ADraftComesBackAfterTheCircuitIsLostAndIsGoneOnceSaved()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var summary = $"Half-typed statement about a briefing {tag}.";
        var quote = FormSteps.Korean(MaxLengths.Quote, seed: 4);
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await FormSteps.PickAsync(page, "proposition", "deployed", "North Korean troops are deployed to Russia");
        await FormSteps.PickAsync(page, "actor", "National Intelligence", "National Intelligence Service");
        await page.GetByTestId("summary").FillAsync(summary);
        await page.GetByTestId("quote-language").FillAsync("ko");
        // Typed last and still in the field (no blur): once the kept draft holds it, it holds everything before it.
        await page.GetByTestId("quote").FillAsync(quote);
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("Draft kept in this browser");
        // Encrypted and in base64, the 10,000-character quote alone takes over 30,000 characters; the rest, under
        // 2,000.
        await page.WaitForFunctionAsync(
            "() => Object.keys(localStorage).some(k => k.startsWith('ct-draft:') && localStorage.getItem(k).length > 30000)"
        );
        (await FormSteps.StoredDraftsAsync(page))
            .Should()
            .ContainSingle()
            .Which.Should()
            .NotContain(tag, "the draft is kept encrypted");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        await Assertions
            .Expect(page.GetByTestId("draft-restored"))
            .ToContainTextAsync("Your unsaved draft was restored");
        await Assertions.Expect(page.GetByTestId("summary")).ToHaveValueAsync(summary);
        await Assertions
            .Expect(page.GetByTestId("proposition"))
            .ToHaveValueAsync("North Korean troops are deployed to Russia for the war against Ukraine");
        await Assertions.Expect(page.GetByTestId("actor")).ToHaveValueAsync("National Intelligence Service");
        // Waited for like the fields above, not read once: the whole quote comes back, to the last character.
        await Assertions.Expect(page.GetByTestId("quote")).ToHaveValueAsync(quote);

        await page.GetByTestId("stated-on").FillAsync("2024-10-18");
        await FormSteps.PickAsync(page, "source", "troop transfers", "National Intelligence Service statement");
        await page.GetByTestId("save").ClickAsync();
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
        (await FormSteps.StoredDraftsAsync(page)).Should().BeEmpty("a saved form leaves no draft behind");

        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ARestoredDraftOfAnEditCanBeDiscarded()
    {
        var actor = $"/actors/{DemoIds.For("actor", "budanov")}/edit";
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync(actor);
        await page.WaitForCircuitAsync();
        var stored = await page.GetByTestId("actor-description").InputValueAsync();
        await page.GetByTestId("actor-description").FillAsync("A description typed before the connection was lost.");
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("Draft kept in this browser");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions
            .Expect(page.GetByTestId("draft-restored"))
            .ToContainTextAsync("Your unsaved draft was restored");
        await Assertions
            .Expect(page.GetByTestId("actor-description"))
            .ToHaveValueAsync("A description typed before the connection was lost.");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("draft-restored");

        await page.GetByTestId("discard-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("actor-description")).ToHaveValueAsync(stored);
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);
        (await FormSteps.StoredDraftsAsync(page)).Should().BeEmpty();

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("actor-description")).ToHaveValueAsync(stored);
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);
    }
}
