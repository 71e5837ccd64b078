using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Editing;

/// <summary>An editor enters a sourced statement end to end; analysts find it and cannot edit.</summary>
public class StatementEditorPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorEntersANisStyleStatementWithANewActorAndSourceAndAnalystsFindIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();

        await FormSteps.PickAsync(page, "proposition", "deployed", "North Korean troops are deployed to Russia");
        await page.GetByTestId("new-actor").CheckAsync();
        await page.GetByTestId("new-actor-name").FillAsync($"Joint Chiefs of Staff {tag}");
        await page.GetByTestId("summary")
            .FillAsync("About 3,000 more North Korean soldiers were moved to Russia in October.");
        await page.GetByTestId("stated-on").FillAsync("2024-10-23");
        await page.GetByTestId("event-start").FillAsync("2024-10");
        await page.GetByTestId("quote").FillAsync("<script>window.hacked = true</script> 약 3,000명");
        await page.GetByTestId("quote-language").FillAsync("ko");
        await page.GetByTestId("translation").FillAsync("about 3,000");
        await FormSteps.SelectAsync(page, "What the figure counts", "North Korean soldiers sent to Russia");
        await FormSteps.SelectAsync(page, "Qualifier", "about");
        await page.GetByTestId("figure").FillAsync("3000");
        await page.GetByTestId("figure").BlurAsync();
        await Assertions.Expect(page.GetByTestId("implied-interval")).ToHaveTextAsync("means 2,700 to 3,300 soldiers");
        await FormSteps.SelectAsync(page, "Status", "Published");
        await page.GetByTestId("new-source").CheckAsync();
        await page.GetByTestId("new-source-title").FillAsync($"JCS briefing {tag}");
        await page.GetByTestId("new-source-url").FillAsync("javascript:alert(1)");
        await page.GetByTestId("new-source-published").FillAsync("2024-10-23");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("statement-editor");

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("http");
        await page.GetByTestId("new-source-url").FillAsync("https://example.org/jcs-briefing");
        await page.GetByTestId("save").ClickAsync();

        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("claim-quantity")).ToContainTextAsync("about 3,000 soldiers");
        await Assertions
            .Expect(page.GetByTestId("quote-original-language"))
            .ToHaveTextAsync("Original language: Korean");
        await Assertions
            .Expect(page.Locator(".quote").First)
            .ToContainTextAsync("<script>window.hacked = true</script>");
        (await page.EvaluateAsync<bool>("() => window.hacked === true"))
            .Should()
            .BeFalse("a quote is shown as text, never run");
        var claimUrl = page.Url;

        var analyst = await browser.NewPageAsync(role: Roles.Analyst);
        await analyst.GotoAsync($"/claims?q=Joint+Chiefs+{tag}");
        await Assertions.Expect(analyst.GetByTestId("claims-count")).ToHaveTextAsync("1 claim");
        await analyst.GotoAsync(claimUrl + "/edit");
        await Assertions.Expect(analyst.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByTestId("save")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheFormWarnsOfAVerySimilarClaimByTheSameActor()
    {
        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync("/claims/new");
        await page.WaitForCircuitAsync();

        await FormSteps.PickAsync(page, "proposition", "deployed", "North Korean troops are deployed to Russia");
        await FormSteps.PickAsync(page, "actor", "National Intelligence", "National Intelligence Service");
        await page.GetByTestId("summary")
            .FillAsync(
                "Russia's navy ferried nearly 1,500 North Korean soldiers to Vladivostok between 8 and 13 October."
            );
        await page.GetByTestId("summary").BlurAsync();

        await Assertions.Expect(page.GetByTestId("similar-warning")).ToContainTextAsync("18 Oct 2024");
    }
}
