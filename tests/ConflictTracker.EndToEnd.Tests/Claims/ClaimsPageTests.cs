using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Claims;

public class ClaimsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Rows(IPage page) => page.GetByTestId("claims-table").Locator("tbody tr");

    private static ILocator FirstClaimLink(IPage page) => Rows(page).First.Locator("a[href^='claims/']").First;

    // Two pages can have the same number of rows: wait until the first row links to another claim.
    private static async Task WaitForFirstClaimOtherThanAsync(IPage page, string? href) =>
        await Assertions
            .Expect(FirstClaimLink(page))
            .ToHaveAttributeAsync(
                "href",
                new System.Text.RegularExpressions.Regex(
                    $"^(?!{System.Text.RegularExpressions.Regex.Escape(href ?? "")}$)claims/"
                )
            );

    private static ILocator Row(IPage page, string text) =>
        page.GetByTestId("claims-table").Locator("tr", new LocatorLocatorOptions { HasText = text });

    [Fact]
    public async Task TheCircuitTakesOverThePrerenderedTableWithoutShowingLoadingOrSearchingAgain()
    {
        var page = await browser.NewPageAsync();
        // Every node the page ever adds, from the first byte: "Loading claims" must never be one of them.
        await page.AddInitScriptAsync(
            """
            window.loadingShown = false;
            new MutationObserver(changes => {
              for (const change of changes)
                for (const node of change.addedNodes)
                  if ((node.textContent ?? '').includes('Loading claims')) window.loadingShown = true;
            }).observe(document, { childList: true, subtree: true });
            """
        );
        await page.GotoAsync("/claims?q=Vladivostok");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(Row(page, "National Intelligence Service")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("window.loadingShown")).Should().BeFalse();

        // The handed-over page is a live one: the next search runs in the circuit.
        await page.GetByTestId("claim-search").FillAsync("Peskov");
        await page.GetByTestId("claim-search").PressAsync("Enter");
        await Assertions.Expect(Row(page, "Dmitry Peskov")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "National Intelligence Service")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SearchForVladivostokFindsTheNisClaimAndMarksTheWord()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("claim-search").FillAsync("Vladivostok");
        await page.GetByTestId("claim-search").PressAsync("Enter");

        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/claims\?q=Vladivostok$"));
        var nis = Row(page, "National Intelligence Service");
        await Assertions.Expect(nis).ToContainTextAsync("nearly 1,500 soldiers");
        await Assertions.Expect(nis.Locator("mark").First).ToHaveTextAsync("Vladivostok");
        await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("1 claim");
        await page.SaveScreenshotAsync("claims-search-vladivostok");
    }

    [Fact]
    public async Task FilteringByDeniesShowsTheKremlinsDenialAndTheLinkReproducesTheView()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await page.GetByText("Filters", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.Locator(".mud-select").Filter(new LocatorFilterOptions { HasText = "Stance" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new LocatorFilterOptions { HasText = "denies" })
            .ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"stance=Denies"));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, "Dmitry Peskov")).ToContainTextAsync("for Kremlin");
        await page.SaveScreenshotAsync("claims-filter-denies");

        // The address is the view: a colleague opening it sees the same claims.
        var shared = await browser.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await shared.WaitForCircuitAsync();
        await Assertions.Expect(Rows(shared)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(shared, "Dmitry Peskov")).ToBeVisibleAsync();

        // Back returns to the unfiltered list.
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("25 claims");
    }

    [Fact]
    public async Task CyrillicAndMisspeltNamesFindBudanovsClaims()
    {
        var page = await browser.NewPageAsync();

        foreach (var name in new[] { "Буданов", "Budanow" })
        {
            await page.GotoAsync("/claims?q=" + Uri.EscapeDataString(name));
            await Assertions
                .Expect(Rows(page).Filter(new LocatorFilterOptions { HasText = "Kyrylo Budanov" }))
                .ToHaveCountAsync(3);
        }
    }

    [Fact]
    public async Task NextAndPreviousWalkThePagesWithoutLosingOrRepeatingClaims()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/claims?size=10");
        await page.WaitForCircuitAsync();

        // The interactive render replaces the prerendered rows: read them once they are back.
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(10);
        var first = await Rows(page).AllInnerTextsAsync();
        var firstHref = await FirstClaimLink(page).GetAttributeAsync("href");

        await page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("after="));
        await WaitForFirstClaimOtherThanAsync(page, firstHref);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(10);
        var second = await Rows(page).AllInnerTextsAsync();
        var secondHref = await FirstClaimLink(page).GetAttributeAsync("href");

        await page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("next-page")).ToHaveCountAsync(0);
        var third = await Rows(page).AllInnerTextsAsync();

        first.Concat(second).Concat(third).Should().OnlyHaveUniqueItems().And.HaveCount(25);

        await page.GetByTestId("previous-page").ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(10);
        await Assertions.Expect(FirstClaimLink(page)).ToHaveAttributeAsync("href", secondHref!);
        (await Rows(page).AllInnerTextsAsync()).Should().Equal(second);
    }

    [Fact]
    public async Task BadLinkParametersExplainWhatIsWrong()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/claims?stance=Maybe&stated-from=yesterday");

        response!.Status.Should().Be(200);
        await Assertions.Expect(page.GetByTestId("query-errors")).ToContainTextAsync("'Maybe' is not a known stance");
        await Assertions.Expect(page.GetByTestId("query-errors")).ToContainTextAsync("'yesterday' is not a date");
    }

    [Fact]
    public async Task ClaimsPageWorksAtPhoneWidth()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByText("nearly 1,500 soldiers")).ToBeVisibleAsync();
        (await page.OverflowsSidewaysAsync())
            .Should()
            .BeFalse("the table stacks its cells instead of scrolling sideways");
        await page.SaveScreenshotAsync("claims-390");
    }

    [Fact]
    public async Task NavigatingFromHomeLoadsTheClaimsThroughTheCircuit()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Browse all claims" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "claims").ToString());
        await Assertions.Expect(Row(page, "Dmitry Peskov")).ToContainTextAsync("denies");
    }
}
