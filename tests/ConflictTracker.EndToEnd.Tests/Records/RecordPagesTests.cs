using ConflictTracker.Web.Features.DemoData;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Records;

/// <summary>Every analyst page in the browser: what it shows, that it is accessible, and that it fits a
/// phone.</summary>
public class RecordPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string NisClaim = $"/claims/{DemoIds.For("claim", "nis-1500-vladivostok")}";
    private static readonly string Budanov = $"/actors/{DemoIds.For("actor", "budanov")}";
    private static readonly string Peskov = $"/actors/{DemoIds.For("actor", "peskov")}";
    private static readonly string SeedArticle = $"/sources/{DemoIds.For("source", "seed-article")}";
    private static readonly string Deployment = $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}";
    private static readonly string Munitions = $"/propositions/{DemoIds.For("proposition", "nk-supplies-munitions")}";

    public static TheoryData<string, string> Pages =>
        new()
        {
            { "/", "home" },
            { "/claims", "claims" },
            { NisClaim, "claim-nis" },
            { Budanov, "actor-budanov" },
            { SeedArticle, "source-seed-article" },
            { "/propositions", "propositions" },
            { Deployment, "proposition-deployment" },
            { $"/history/{DemoIds.For("claim", "nis-1500-vladivostok")}", "history-nis" },
        };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoSeriousAccessibilityViolations(string path, string name)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        (await page.LandmarkViolationsAsync()).Should().BeEmpty("the page's content is in its one <main>");
        await page.SaveScreenshotAsync(name + "-1280");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageFitsAPhoneScreen(string path, string name)
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        (await page.OverflowsSidewaysAsync()).Should().BeFalse();
        await page.SaveScreenshotAsync(name + "-390");
    }

    [Fact]
    public async Task ClaimPageShowsTheFigureThePeriodAndTheChainOfSources()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(NisClaim);

        await Assertions.Expect(page.GetByTestId("claim-quantity")).ToContainTextAsync("nearly 1,500 soldiers");
        await Assertions.Expect(page.GetByTestId("claim-quantity")).ToContainTextAsync("1,350 to 1,500 soldiers");
        await Assertions.Expect(page.GetByTestId("claim-stated")).ToHaveTextAsync("18 Oct 2024");
        await Assertions.Expect(page.GetByTestId("claim-event")).ToHaveTextAsync("8 Oct 2024 – 13 Oct 2024");
        var chain = page.GetByTestId("citation-chain").Locator("li");
        await Assertions.Expect(chain).ToHaveCountAsync(2);
        await Assertions.Expect(chain.Nth(0)).ToContainTextAsync("Origin");
        await Assertions.Expect(chain.Nth(0)).ToContainTextAsync("National Intelligence Service statement");
        await Assertions.Expect(chain.Nth(1)).ToContainTextAsync("Republication");

        await chain
            .Nth(1)
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Are North Korean troops fighting" })
            .ClickAsync();
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new Uri(browser.BaseAddress, SeedArticle.TrimStart('/')).ToString());
        await Assertions.Expect(page.GetByTestId("source-claims").Locator("tbody tr")).ToHaveCountAsync(25);
    }

    [Fact]
    public async Task ClaimPageNamesTheRoleTheSpeakerHeldThatDay()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/claims/{DemoIds.For("claim", "kim-might-send-troops")}");

        await Assertions
            .Expect(page.GetByTestId("claim-actor"))
            .ToContainTextAsync(
                "Kim Yong-hyun, Minister of National Defense, Ministry of National Defense of the Republic of Korea at the time"
            );
    }

    [Fact]
    public async Task ActorPageShowsAliasesRolesAndTrackRecord()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Peskov);

        await Assertions.Expect(page.GetByTestId("aliases")).ToContainTextAsync("Дмитрий Песков");
        await Assertions
            .Expect(page.GetByTestId("affiliations"))
            .ToContainTextAsync("Press Secretary of the President of Russia");
        await Assertions.Expect(page.GetByTestId("affiliations")).ToContainTextAsync("from 22 May 2012");
        await Assertions.Expect(page.GetByTestId("track-record")).ToContainTextAsync("Of 1 published claim");
        await Assertions.Expect(page.GetByTestId("actor-claims")).ToContainTextAsync("fake news");
    }

    [Fact]
    public async Task PropositionPageChartsEveryFigureOnItsMeasure()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Deployment);
        await page.WaitForCircuitAsync();

        var charts = page.GetByTestId("estimates-chart");
        await Assertions.Expect(charts).ToHaveCountAsync(4);
        var expected = new Dictionary<string, int>
        {
            ["North Korean soldiers at the Sergeevka training ground"] = 2,
            ["North Korean soldiers ferried to Vladivostok"] = 1,
            ["North Korean soldiers sent to Russia"] = 1,
            ["North Korean soldiers training in eastern Russia"] = 1,
        };
        foreach (var (measure, figures) in expected)
        {
            var chart = page.Locator($"[data-testid=estimates-chart][data-measure='{measure}']");
            await Assertions.Expect(chart.Locator("[data-testid=estimate]")).ToHaveCountAsync(figures);
            await Assertions.Expect(chart.GetByTestId("estimates-table").Locator("tbody tr")).ToHaveCountAsync(figures);
        }

        await Assertions
            .Expect(page.Locator("[data-measure='North Korean soldiers ferried to Vladivostok']"))
            .ToContainTextAsync("nearly 1,500 soldiers");
        await Assertions
            .Expect(page.Locator("[data-measure='North Korean soldiers ferried to Vladivostok']"))
            .ToContainTextAsync("1,350 to 1,500");
        await Assertions.Expect(page.GetByTestId("stance-denies")).ToContainTextAsync("Dmitry Peskov");
        await Assertions.Expect(page.GetByTestId("period-timeline")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PropositionPageCountsReportsOriginDocumentsAndIndependentVoices()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Munitions);

        // Three claims, two sources (the Bloomberg interview, the seed article), two origins: Shin's two figures
        // share the interview, and the US accusation, with no origin on record, counts as its own.
        var affirms = page.GetByTestId("support-affirms");
        await Assertions.Expect(affirms.Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(affirms.Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(affirms.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Assertions.Expect(affirms.GetByTestId("voices")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("estimates-chart")).ToHaveCountAsync(2);

        // The deployment: Zelenskyy twice and the Centre with its head Solovey are one voice each.
        await page.GotoAsync(Deployment);
        await Assertions.Expect(page.GetByTestId("independent-voices")).ToHaveTextAsync("12 independent voices");
        await Assertions.Expect(page.GetByTestId("support-affirms").GetByTestId("voices")).ToHaveTextAsync("9");
        await Assertions.Expect(page.GetByTestId("voice-merge")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("support-explained")).ToContainTextAsync("never one voice");
        await Assertions
            .Expect(page.GetByTestId("support-summary"))
            .ToContainTextAsync("Backed by 9 independent voices; denied by");
        await Assertions
            .Expect(page.GetByTestId("support-sentence-affirms"))
            .ToContainTextAsync("Backed by 9 independent voices:");
    }

    [Fact]
    public async Task HistoryShowsWhoCreatedTheClaimAndEachFieldAsADifference()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/history/{DemoIds.For("claim", "nis-1500-vladivostok")}");

        var created = page.GetByTestId("history-entry").Filter(new() { HasText = "Created" });
        await Assertions.Expect(created).ToContainTextAsync("by demo data");
        var summary = created.Locator("tr", new() { HasText = "Summary" });
        await Assertions.Expect(summary.Locator("td.unset")).ToHaveTextAsync("—");
        await Assertions.Expect(summary.Locator("td.added")).ToContainTextAsync("Russia's navy ferried nearly 1,500");
        await Assertions
            .Expect(page.GetByTestId("history-entry").Filter(new() { HasText = "Citation added" }))
            .ToHaveCountAsync(2);

        // In words: fields by name, records by what they are, not by id.
        await Assertions
            .Expect(created.Locator("th").Filter(new() { HasTextRegex = new("^Stated on$") }))
            .ToHaveCountAsync(1);
        await Assertions
            .Expect(created.Locator("tr", new() { HasText = "Asserted by" }).Locator("td.added"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Actor: "));
        await Assertions
            .Expect(page.GetByTestId("history-entry").Filter(new() { HasText = "Place added" }).First)
            .ToContainTextAsync("Place: Vladivostok");
    }

    [Fact]
    public async Task UnknownRecordsGetTheNotFoundPage()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync($"/claims/{Guid.NewGuid()}");

        response!.Status.Should().Be(404);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task HomeQuickSearchOpensTheExplorer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        await Assertions
            .Expect(page.GetByTestId("disputed"))
            .ToContainTextAsync("North Korean troops are deployed to Russia");
        await page.GetByTestId("quick-search").FillAsync("김용현");
        await page.GetByTestId("quick-search").PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("claims-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("claims-table")).ToContainTextAsync("Kim Yong-hyun");
    }
}
