using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Claims;

/// <summary>Quote verification in the browser: the claim page's verdict per citation, and the review queue's unverified
/// quotes.</summary>
public class QuoteVerificationPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Article =
        "SEOUL, 18 October. South Korea\u2019s spy agency said on Friday that Russia\u2019s navy had ferried \u201Cnearly 1,500 special-forces soldiers\u201D "
        + "to Vladivostok between 8 and 13 October \u2014 the first such transfer it has seen. Officials said more transfers were expected in the coming weeks, "
        + "and that the soldiers were being issued Russian uniforms and identity papers.";

    [Fact]
    public async Task AClaimPageShowsAFoundQuoteWithThePassageMarked()
    {
        var (source, title) = await SourceAsync();
        var claim = await ClaimAsync(source, "Russia's navy had ferried \"nearly 1,500 special-forces soldiers\"");
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/claims/{claim}");

        var check = page.GetByTestId("quote-check");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-result", "FoundNormalised");
        await Assertions.Expect(check).ToContainTextAsync("Quote found in the source text");
        await Assertions.Expect(check).ToContainTextAsync($"snapshot {SourceSnapshot.HashOf(Article)[..12]}");
        var marked = page.GetByTestId("quote-passage").Locator("mark");
        await Assertions
            .Expect(marked)
            .ToHaveTextAsync("Russia\u2019s navy had ferried \u201Cnearly 1,500 special-forces soldiers");
        await Assertions
            .Expect(page.GetByTestId("quote-passage"))
            .ToContainTextAsync("South Korea\u2019s spy agency said on Friday that");
        await Assertions.Expect(page.GetByTestId("citation-chain")).ToContainTextAsync(title);
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("claim-quote-found");

        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync($"/claims/{claim}");
        await Assertions.Expect(phone.GetByTestId("quote-passage")).ToBeVisibleAsync();
        (await phone.OverflowsSidewaysAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task AClaimPageWarnsWhenTheQuoteIsNotInTheStoredTextAndTheQueueListsIt()
    {
        var (source, title) = await SourceAsync();
        var claim = await ClaimAsync(source, "nearly 2,500 special-forces soldiers");
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/claims/{claim}");

        var check = page.GetByTestId("quote-check");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-result", "NotFound");
        await Assertions.Expect(check).ToContainTextAsync($"Quote not found in the stored text of “{title}”");
        await Assertions.Expect(check).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert"));
        await Assertions.Expect(page.GetByTestId("quote-passage")).ToHaveCountAsync(0);
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("claim-quote-not-found");

        var editor = await browser.NewPageAsync(role: Roles.Editor);
        await editor.GotoAsync("/review");
        await editor.WaitForCircuitAsync();
        await editor.GetByTestId("unverified-quotes-link").ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review/quotes$"));
        await editor.WaitForCircuitAsync();
        await Assertions.Expect(editor.GetByTestId("quotes-checked")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var listed = editor
            .GetByTestId("unverified-quote")
            .Filter(new() { HasText = "nearly 2,500 special-forces soldiers" });
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed).ToContainTextAsync(title);
        (await editor.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await editor.SaveScreenshotAsync("review-unverified-quotes");

        await listed.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(new Uri(browser.BaseAddress, $"claims/{claim}").ToString());
    }

    private async Task<(Guid Id, string Title)> SourceAsync()
    {
        await using var db = await ContextAsync();
        var source = Source.Create(
            SourceKind.Article,
            $"Spy agency report {Guid.NewGuid().ToString("N")[..8]}",
            "https://example.org/report",
            null,
            PartialDate.Day(2024, 10, 18),
            null,
            "en"
        );
        db.Sources.Add(source);
        db.SourceSnapshots.Add(
            SourceSnapshot.Create(
                source,
                Article,
                "Text",
                null,
                "tester",
                new DateTimeOffset(2024, 10, 19, 8, 0, 0, TimeSpan.Zero)
            )
        );
        await db.SaveChangesAsync();
        return (source.Id, source.Title);
    }

    private async Task<Guid> ClaimAsync(Guid sourceId, string citationQuote)
    {
        await using var db = await ContextAsync();
        var proposition = await db.Propositions.SingleAsync(p =>
            p.Id == DemoIds.For("proposition", "nk-troops-in-russia")
        );
        var actor = await db.Actors.SingleAsync(a => a.Id == DemoIds.For("actor", "nis"));
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        var claim = Claim.Create(
            new NewClaim(
                proposition,
                actor,
                PartialDate.Day(2024, 10, 18),
                Stance.Affirms,
                $"Special forces ferried to Vladivostok ({Guid.NewGuid().ToString("N")[..8]})."
            )
            {
                Status = ClaimStatus.Published,
            },
            DateTimeOffset.UtcNow
        );
        claim.Cite(source, CitationRole.FirstReport, citationQuote);
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }

    private async Task<AppDbContext> ContextAsync()
    {
        var db = await browser
            .App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        db.ChangedBy = "tester";
        return db;
    }
}
