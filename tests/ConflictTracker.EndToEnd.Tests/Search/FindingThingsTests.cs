using System.Text.RegularExpressions;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Search;

/// <summary>Finding things in the browser: figures and names as typed, the index pages, readable addresses, and
/// the admins' synonym list (docs/rules/search.md).</summary>
public class FindingThingsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid BudanovId = DemoIds.For("actor", "budanov");

    private static ILocator ClaimRows(IPage page) => page.GetByTestId("claims-table").Locator("tbody tr");

    private static ILocator IndexRows(IPage page) => page.GetByTestId("index-row");

    [Fact]
    public async Task AMisspeltNameAndAFigureFindBudanovsElevenThousandAndSaySo()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("claim-search").FillAsync("budanow 11,000");
        await page.GetByTestId("claim-search").PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("stand-in")).ToContainTextAsync("Showing matches for Kyrylo Budanov");
        await Assertions.Expect(page.GetByTestId("stand-in")).ToContainTextAsync("budanow");
        await Assertions.Expect(page.GetByTestId("search-reading")).ToContainTextAsync("figure 11,000");
        await Assertions.Expect(ClaimRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(ClaimRows(page).First).ToContainTextAsync("nearly 11,000 soldiers");
        await Assertions
            .Expect(ClaimRows(page).First.GetByRole(AriaRole.Link, new() { Name = "Kyrylo Budanov" }))
            .ToHaveAttributeAsync("href", $"actors/{BudanovId}/kyrylo-budanov");
    }

    [Fact]
    public async Task FiguresWrittenAnyWayAndStanceWordsFindTheSameClaims()
    {
        var page = await browser.NewPageAsync();
        foreach (var typed in new[] { "1500", "1,500", "1.500" })
        {
            await page.GotoAsync("/claims?q=" + Uri.EscapeDataString(typed));
            await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("1 claim");
            await Assertions.Expect(ClaimRows(page).First).ToContainTextAsync("National Intelligence Service");
        }

        await page.GotoAsync("/claims?q=" + Uri.EscapeDataString(">= 1000 soldiers"));
        await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("5 claims");
        await Assertions.Expect(page.GetByTestId("search-reading")).ToContainTextAsync("at least 1,000 soldiers");

        await page.GotoAsync("/claims?q=denied");
        await Assertions.Expect(page.GetByTestId("search-reading")).ToContainTextAsync("stance denies");
        await Assertions.Expect(ClaimRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(ClaimRows(page).First).ToContainTextAsync("Dmitry Peskov");
    }

    [Fact]
    public async Task TheActorIndexSortsSearchesAndLinksToTheRecord()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Actors" })
            .ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/actors$"));
        await Assertions.Expect(page.GetByTestId("index-count")).ToHaveTextAsync("34 actors");
        await Assertions.Expect(IndexRows(page).First).ToContainTextAsync("Al Jazeera");

        await page.GetByTestId("sort-claims").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/actors\?sort=claims&desc=1$"));
        await Assertions.Expect(page.GetByTestId("sort-claims")).ToContainTextAsync("↓");
        var counts = await page.GetByTestId("index-claims").AllInnerTextsAsync();
        counts.Select(int.Parse).Should().BeInDescendingOrder();

        await page.GetByTestId("index-search").FillAsync("Budanov");
        await page.GetByTestId("index-search").PressAsync("Enter");
        await Assertions.Expect(IndexRows(page)).ToHaveCountAsync(1);
        await IndexRows(page).First.GetByTestId("index-name").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/actors/{BudanovId}/kyrylo-budanov$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kyrylo Budanov");
        await Assertions
            .Expect(page.Locator("link[rel=canonical]"))
            .ToHaveAttributeAsync("href", new Regex($"/actors/{BudanovId}/kyrylo-budanov$"));
    }

    [Fact]
    public async Task OldAndMisspeltActorAddressesStillWork()
    {
        var page = await browser.NewPageAsync();
        foreach (var path in new[] { $"/actors/{BudanovId}", $"/actors/{BudanovId}/k-budanov-old-name" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kyrylo Budanov");
        }
    }

    [Fact]
    public async Task TheSourceAndPlaceIndexesCountClaimsAndLinkOn()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sources?q=Bloomberg");
        await Assertions.Expect(IndexRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(IndexRows(page).First.GetByTestId("index-claims")).ToHaveTextAsync("2");
        await IndexRows(page).First.GetByTestId("index-name").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sources/[0-9a-f-]{36}/bloomberg-news-interview"));

        await page.GotoAsync("/places?sort=claims&desc=1");
        await Assertions.Expect(page.GetByTestId("index-count")).ToHaveTextAsync("5 places");
        var sergeevka = IndexRows(page).Filter(new() { HasText = "Sergeevka" });
        await Assertions.Expect(sergeevka.GetByTestId("index-claims")).ToHaveTextAsync("2");
        await sergeevka.GetByTestId("index-claims").ClickAsync();
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new Regex($@"/claims\?place={DemoIds.For("place", "sergeevka")}$"));
        await Assertions.Expect(ClaimRows(page)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task AnAdminAddsASynonymGroupAndTheSearchUsesIt()
    {
        var page = await browser.NewPageAsync(role: Roles.Admin);
        await page.GotoAsync("/admin/synonyms");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("add-starter-list").ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("group-terms").Filter(new() { HasText = "troops" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("add-starter-list")).ToHaveCountAsync(0);

        await page.GetByTestId("new-terms").FillAsync("Primorsky, Vladivostok");
        await page.GetByTestId("new-note").FillAsync("The region and its port");
        await page.GetByTestId("add-group").ClickAsync();
        await Assertions
            .Expect(page.GetByTestId("group-terms").Filter(new() { HasText = "primorsky, vladivostok" }))
            .ToHaveCountAsync(1);

        await page.GotoAsync("/claims?q=" + Uri.EscapeDataString("ferried Primorsky"));
        await Assertions.Expect(ClaimRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("search-reading")).ToContainTextAsync("also primorsky, vladivostok");

        await page.GotoAsync("/claims?q=" + Uri.EscapeDataString("over 1000 troops"));
        await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("5 claims");
    }

    [Fact]
    public async Task AnAnalystCannotOpenTheSynonymList()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/admin/synonyms");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
    }
}
