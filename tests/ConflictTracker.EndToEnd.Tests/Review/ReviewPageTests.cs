using System.Text.RegularExpressions;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Review;

/// <summary>The reviewers' workspace in a real browser, on the demo data.</summary>
public class ReviewPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Nis = $"/claims/{DemoIds.For("claim", "nis-1500-vladivostok")}";
    private static readonly string Peskov = $"/claims/{DemoIds.For("claim", "peskov-fake-news")}";
    private static readonly string Deployment = $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}";

    private static async Task<IPage> QueueAsync(IPage page)
    {
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("queue-items")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Item(IPage page, string first, string second) =>
        page.GetByTestId("queue-item").Filter(new() { HasText = first }).Filter(new() { HasText = second });

    [Fact]
    public async Task AReviewerConfirmsTheKremlinAgainstNisAndAnalystsSeeItOnBothClaimsAndTheProposition()
    {
        // Another reviewer watches the queue in a second browser.
        var watcher = await QueueAsync(await browser.NewPageAsync(role: Roles.Admin));
        var candidates = int.Parse(
            await watcher.GetByTestId("count-candidates").InnerTextAsync(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        candidates.Should().BePositive();

        var reviewer = await QueueAsync(await browser.NewPageAsync(role: Roles.Reviewer));
        await Item(reviewer, "ferried nearly 1,500", "Kremlin's spokesman").ClickAsync();
        var cards = reviewer.GetByTestId("claim-card");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(reviewer.GetByTestId("queue-detail")).ToContainTextAsync("Opposed stances");
        await Assertions
            .Expect(cards.Filter(new() { HasText = "Vladivostok" }))
            .ToContainTextAsync("implying 1,350 to 1,500 soldiers");
        await reviewer.SaveScreenshotAsync("review-queue");
        (await reviewer.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await reviewer.GetByTestId("decision-note").FillAsync("Peskov answers the NIS report directly.");
        await reviewer.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(Item(reviewer, "ferried nearly 1,500", "Kremlin's spokesman")).ToHaveCountAsync(0);

        // The watcher's count drops without a reload: the change reached its circuit.
        await Assertions
            .Expect(watcher.GetByTestId("count-candidates"))
            .ToHaveTextAsync((candidates - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var analyst = await browser.NewPageAsync(role: Roles.Analyst);
        await analyst.GotoAsync(Nis);
        await Assertions.Expect(analyst.GetByTestId("related-contradicts")).ToContainTextAsync("fake news");
        await Assertions.Expect(analyst.GetByTestId("related-contradicts")).ToContainTextAsync("confirmed by");
        await analyst.GotoAsync(Peskov);
        await Assertions.Expect(analyst.GetByTestId("related-contradicts")).ToContainTextAsync("ferried nearly 1,500");
        await analyst.GotoAsync(Deployment);
        var conflict = analyst.GetByTestId("conflict").Filter(new() { HasText = "fake news" });
        await Assertions.Expect(conflict).ToContainTextAsync("ferried nearly 1,500");
        await Assertions.Expect(conflict).ToContainTextAsync("contradicts");
        await analyst.SaveScreenshotAsync("proposition-confirmed-contradiction");
    }

    [Fact]
    public async Task ADismissalNeedsAReasonAndAFlagRaisedFromTheQueueIsCounted()
    {
        var reviewer = await QueueAsync(await browser.NewPageAsync(role: Roles.Reviewer));
        var flags = await reviewer.GetByTestId("count-flags").InnerTextAsync();
        await Item(reviewer, "thousands of North Korean troops", "Kremlin's spokesman").ClickAsync();

        await reviewer.GetByTestId("dismiss").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("form-errors")).ToContainTextAsync("reason");

        await reviewer.GetByTestId("flag-claim").First.ClickAsync();
        await reviewer.GetByTestId("flag-comment").FillAsync("Which NATO gathering? The date is not sourced.");
        await reviewer.GetByTestId("flag-submit").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("count-flags")).Not.ToHaveTextAsync(flags);

        await reviewer.GetByTestId("decision-note").FillAsync("Peskov was asked about another report.");
        await reviewer.GetByTestId("dismiss").ClickAsync();
        await Assertions
            .Expect(Item(reviewer, "thousands of North Korean troops", "Kremlin's spokesman"))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AReviewerRatesCredibilityOnTheClaimPageAndEditorsCannot()
    {
        var reviewer = await browser.NewPageAsync(role: Roles.Reviewer);
        await reviewer.GotoAsync($"/claims/{DemoIds.For("claim", "ccsis-uniform-video")}");
        await reviewer.WaitForCircuitAsync();
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Credibility" }).ClickAsync();
        await reviewer.GetByTestId("credibility").ClickAsync();
        await reviewer
            .GetByRole(AriaRole.Option, new() { NameRegex = new Regex("2 · Probably true", RegexOptions.IgnoreCase) })
            .ClickAsync();
        await reviewer.GetByTestId("credibility-submit").ClickAsync();
        await Assertions
            .Expect(reviewer.GetByTestId("claim-credibility"))
            .ToContainTextAsync(new Regex("probably true", RegexOptions.IgnoreCase));

        var editor = await browser.NewPageAsync(role: Roles.Editor);
        await editor.GotoAsync($"/claims/{DemoIds.For("claim", "ccsis-uniform-video")}");
        await editor.WaitForCircuitAsync();
        await Assertions.Expect(editor.GetByTestId("review-panel")).ToBeVisibleAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Tab, new() { Name = "Credibility" })).ToHaveCountAsync(0);
    }
}
