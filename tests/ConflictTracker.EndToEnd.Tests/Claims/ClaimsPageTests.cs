using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Claims;

public class ClaimsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ClaimsPageShowsTheNisClaimWithItsFigure()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        var nis = page.GetByTestId("claims-table").Locator("tr", new LocatorLocatorOptions { HasText = "National Intelligence Service" });
        await Assertions.Expect(nis).ToHaveCountAsync(1);
        await Assertions.Expect(nis).ToContainTextAsync("nearly 1,500 soldiers");
        await Assertions.Expect(nis).ToContainTextAsync("18 Oct 2024");
        await Assertions.Expect(nis).ToContainTextAsync("Vladivostok");
        await Assertions.Expect(nis).ToContainTextAsync("affirms");
        await page.SaveScreenshotAsync("claims-1280");
    }

    [Fact]
    public async Task NavigatingFromHomeLoadsTheClaimsThroughTheCircuit()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Browse claims" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "claims").ToString());
        var peskov = page.GetByTestId("claims-table").Locator("tr", new LocatorLocatorOptions { HasText = "Dmitry Peskov" });
        await Assertions.Expect(peskov).ToContainTextAsync("denies");
        await Assertions.Expect(peskov).ToContainTextAsync("for Kremlin");
    }

    [Fact]
    public async Task ClaimsPageWorksAtPhoneWidth()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByText("nearly 1,500 soldiers")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.Should().BeFalse("the table stacks its cells instead of scrolling sideways");
        await page.SaveScreenshotAsync("claims-390");
    }
}
