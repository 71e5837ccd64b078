using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Security;

/// <summary>The API reference (Scalar at /api/docs): everything it loads comes from the app, and it leads back to
/// the app.</summary>
public class ApiReferencePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheReferenceLoadsNothingFromAnotherOriginAndLeadsBackToTheApp()
    {
        // The policy is bypassed, so what the page *tries* to load is seen, not only what the policy lets through;
        // anything for another origin is recorded and never leaves the machine.
        await using var context = await browser.Browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), BypassCSP = true }
        );
        var requested = new ConcurrentQueue<string>();
        await context.RouteAsync(
            "**/*",
            async route =>
            {
                requested.Enqueue(route.Request.Url);
                if (new Uri(route.Request.Url).GetLeftPart(UriPartial.Authority) == Origin)
                {
                    await route.ContinueAsync();
                }
                else
                {
                    await route.AbortAsync();
                }
            }
        );
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/docs/");
        // A 5 MB bundle: on a busy machine it takes a while to start.
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ConflictTracker API" }).First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The first group's operations (Scalar renders the others as they are scrolled to).
        await Assertions
            .Expect(page.GetByRole(AriaRole.Link, new() { Name = "post /api/v1/claims", Exact = true }))
            .ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        requested.Should().Contain(url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        requested
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal))
            .Should()
            .OnlyContain(url => new Uri(url).GetLeftPart(UriPartial.Authority) == Origin, "the app serves it all");

        await Assertions
            .Expect(page.GetByRole(AriaRole.Region, new() { Name = "Developer Tools" }))
            .ToHaveCountAsync(0);
        var back = page.GetByTestId("back-to-app").GetByRole(AriaRole.Link, new() { Name = "Back to ConflictTracker" });
        await Assertions.Expect(back).ToBeVisibleAsync();
        await back.ClickAsync();
        // Home, or the sign-in page on the way there: either way, the app.
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + Origin + "/(account/login.*)?$"));
    }

    private string Origin => browser.BaseAddress.GetLeftPart(UriPartial.Authority);
}
