using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>Text as long as the rules allow makes the round trip intact; longer text is kept, counted and refused,
/// never cut.</summary>
public class LongTextPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly System.Text.RegularExpressions.Regex ClaimPage = new("/claims/[0-9a-f-]{36}$");

    [Fact]
    public async Task ATenThousandCharacterKoreanQuoteIsSavedAndReadBackIntact()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var quote = FormSteps.Korean(MaxLengths.Quote, seed: 1);
        var translation = FormSteps.Korean(MaxLengths.Quote, seed: 2);
        var words = FormSteps.Korean(MaxLengths.Quote, seed: 3);
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();

        await FormSteps.PickAsync(page, "proposition", "deployed", "North Korean troops are deployed to Russia");
        await FormSteps.PickAsync(page, "actor", "National Intelligence", "National Intelligence Service");
        await page.GetByTestId("summary").FillAsync($"The NIS statement, quoted in full {tag}.");
        await page.GetByTestId("stated-on").FillAsync("2024-10-18");
        await page.GetByTestId("quote").FillAsync(quote);
        await FormSteps.PickAsync(page, "quote-language", "ko", "Korean (ko)");
        await page.GetByTestId("translation").FillAsync(translation);
        await FormSteps.PickAsync(page, "source", "troop transfers", "National Intelligence Service statement");
        await page.GetByTestId("citation-quote").FillAsync(words);
        await Assertions.Expect(FormSteps.FieldOf(page, "quote")).ToContainTextAsync("10000 / 10000");
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ClaimPage);
        await Assertions.Expect(page.GetByTestId("claim-quote")).ToHaveTextAsync($"“{quote}”");
        var id = Guid.Parse(page.Url[^36..]);
        await using var db = await browser
            .App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id);
        claim.Quote!.Text.Should().Be(quote);
        claim.Quote.Translation.Should().Be(translation);
        (await db.Citations.Where(c => c.ClaimId == id).Select(c => c.Quote).SingleAsync()).Should().Be(words);
    }

    [Fact]
    public async Task TextOverTheLimitIsKeptCountedAndRefusedWithAMessage()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var summary = $"Too long {tag} " + new string('x', MaxLengths.Summary + 50 - 16);
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();
        await FormSteps.PickAsync(page, "proposition", "deployed", "North Korean troops are deployed to Russia");
        await FormSteps.PickAsync(page, "actor", "National Intelligence", "National Intelligence Service");
        await FormSteps.PickAsync(page, "source", "troop transfers", "National Intelligence Service statement");

        await page.GetByTestId("summary").FillAsync(summary);

        summary.Length.Should().Be(MaxLengths.Summary + 50);
        (await page.GetByTestId("summary").InputValueAsync())
            .Should()
            .Be(summary, "text over the limit is kept for the editor to shorten, not cut");
        var field = FormSteps.FieldOf(page, "summary");
        await Assertions.Expect(field).ToContainTextAsync("2050 / 2000");
        await Assertions.Expect(field).ToContainTextAsync("Summary must be at most 2,000 characters (it has 2,050).");

        await page.GetByTestId("save").ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("form-errors"))
            .ToContainTextAsync("must be at most 2,000 characters (it has 2,050)");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/new$"));
        (await page.GetByTestId("summary").InputValueAsync()).Should().Be(summary);
        await using var db = await browser
            .App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        (await db.Claims.CountAsync(c => c.Summary.StartsWith($"Too long {tag}"))).Should().Be(0);
    }

    [Fact]
    public async Task ARecordEditorCountsAndRefusesAnOverLongDescriptionToo()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/propositions/new");
        await page.WaitForCircuitAsync();
        var description = new string('y', MaxLengths.Note + 1);

        await page.GetByTestId("proposition-statement")
            .FillAsync($"North Korea sends cooks to Russia {Guid.NewGuid():N}");
        await page.GetByTestId("proposition-description").FillAsync(description);
        await Assertions.Expect(FormSteps.FieldOf(page, "proposition-description")).ToContainTextAsync("4001 / 4000");
        await page.GetByTestId("save-proposition").ClickAsync();

        await Assertions
            .Expect(page.GetByTestId("form-errors"))
            .ToContainTextAsync("must be at most 4,000 characters (it has 4,001)");
        (await page.GetByTestId("proposition-description").InputValueAsync()).Should().Be(description);
    }
}
