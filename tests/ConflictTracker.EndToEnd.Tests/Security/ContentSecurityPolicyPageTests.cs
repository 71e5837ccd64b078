using System.Collections.Concurrent;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Security;

/// <summary>
/// The Content-Security-Policy allows what the app needs and nothing it does not: in Chromium, the
/// pages (Blazor's circuit, MudBlazor's popovers, the charts, the QR code) and the API reference
/// work with it, and the browser reports no violation.
/// </summary>
public class ContentSecurityPolicyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Recorder =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + new URL(e.sourceFile || '/', location.href).pathname));";

    // Scalar's bundle (Zod, validating its configuration) asks once whether eval is allowed, with
    // try { Function("") } catch, and works without it: that question is the only report expected.
    private const string ScalarEvalProbe = "script-src blocked eval in /api/docs/scalar.js";

    [Fact]
    public async Task PagesWorkUnderThePolicyWithoutAViolation()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        var console = await WatchAsync(page);

        await GotoUnderThePolicyAsync(page, "/claims");
        await page.WaitForCircuitAsync();
        await page.GetByText("Filters", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.Locator(".mud-select").Filter(new LocatorFilterOptions { HasText = "Stance" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        (await Violations(page, console)).Should().BeEmpty("/claims");

        foreach (
            var path in new[]
            {
                "/",
                $"/claims/{DemoIds.For("claim", "nis-1500-vladivostok")}",
                $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}",
                "/claims/new",
                "/review",
            }
        )
        {
            await GotoUnderThePolicyAsync(page, path);
            await page.WaitForCircuitAsync();
            (await Violations(page, console)).Should().BeEmpty(path);
        }

        // A static page (its QR code a data: image), then Blazor's enhanced navigation from it to an interactive one.
        await GotoUnderThePolicyAsync(page, "/account/two-factor");
        await Assertions.Expect(page.Locator("img[src^='data:image/png']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Propositions", Exact = true })
            .ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/propositions$"));
        await page.WaitForCircuitAsync();
        (await Violations(page, console)).Should().BeEmpty("/account/two-factor, then /propositions");
    }

    /// <summary>Opens <paramref name="path"/> and checks that the browser got a policy to enforce, so a page without
    /// violations means something.</summary>
    private static async Task GotoUnderThePolicyAsync(IPage page, string path)
    {
        // The navigation's own response, waited for: GotoAsync answers null when the page was already
        // navigating (a circuit reconnecting, an enhanced navigation in flight) as it was called.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(path),
            r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == path.Split('?')[0]
        );
        (await response.HeaderValueAsync("content-security-policy"))
            .Should()
            .MatchRegex("script-src 'self' 'nonce-[^']+';", path);
    }

    [Fact]
    public async Task TheApiReferenceWorksUnderThePolicyWithoutAViolation()
    {
        var page = await browser.NewPageAsync(role: null);
        var console = await WatchAsync(page);

        await GotoUnderThePolicyAsync(page, "/api/docs/");

        // A 5 MB bundle: on a busy machine it takes a while to start.
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ConflictTracker API" }).First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The operations listed: the document was fetched and rendered.
        // The first group's operations (Scalar renders the others as they are scrolled to).
        await Assertions
            .Expect(page.GetByRole(AriaRole.Link, new() { Name = "post /api/v1/claims", Exact = true }))
            .ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.SaveScreenshotAsync("api-docs-under-csp");
        var violations = await Violations(page, console);
        violations.Where(v => v != ScalarEvalProbe).Should().BeEmpty("/api/docs/");
        violations.Count(v => v == ScalarEvalProbe).Should().BeLessThanOrEqualTo(1);
    }

    /// <summary>Records what the browser reports: the console's CSP messages, and the violation events of each
    /// document.</summary>
    private static async Task<ConcurrentQueue<string>> WatchAsync(IPage page)
    {
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Enqueue(message.Text);
            }
        };
        await page.AddInitScriptAsync(Recorder);
        return console;
    }

    private static async Task<List<string>> Violations(IPage page, ConcurrentQueue<string> console) =>
        [.. console, .. await page.EvaluateAsync<string[]>("() => window.__csp ?? []")];
}
