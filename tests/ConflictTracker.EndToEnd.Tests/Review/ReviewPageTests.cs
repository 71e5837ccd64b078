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

    private static ILocator Group(IPage page) =>
        page.GetByTestId("queue-item").Filter(new() { HasText = "Opposed stances: a denial against" });

    [Fact]
    public async Task AReviewerConfirmsPeskovsDenialForAllButOneTickedClaimAndAnalystsSeeIt()
    {
        // Another reviewer watches the queue in a second browser.
        var watcher = await QueueAsync(await browser.NewPageAsync(role: Roles.Admin));
        var candidates = int.Parse(
            await watcher.GetByTestId("count-candidates").InnerTextAsync(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        candidates.Should().BePositive();

        // Peskov's denial is one item against the 11 claims affirming the deployment, not 11 items.
        var reviewer = await QueueAsync(await browser.NewPageAsync(role: Roles.Reviewer));
        await Assertions.Expect(Group(reviewer)).ToHaveCountAsync(1);
        await Assertions.Expect(Group(reviewer)).ToContainTextAsync("a denial against 11 claims");
        await Assertions.Expect(Group(reviewer)).ToContainTextAsync("Kremlin's spokesman");
        await Group(reviewer).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("claim-card")).ToHaveCountAsync(1);
        await Assertions.Expect(reviewer.GetByTestId("claim-card")).ToContainTextAsync("fake news");
        var members = reviewer.GetByTestId("group-member");
        await Assertions.Expect(members).ToHaveCountAsync(11);
        await Assertions
            .Expect(members.Filter(new() { HasText = "Vladivostok" }))
            .ToContainTextAsync("National Intelligence Service · 18 Oct 2024 · nearly 1,500");
        await Assertions.Expect(reviewer.GetByTestId("group-ticked")).ToHaveTextAsync("11 of 11 ticked");

        // Zelenskyy's "thousands" is unticked: it stays open.
        await members
            .Filter(new() { HasText = "thousands of North Korean troops" })
            .GetByTestId("group-tick")
            .UncheckAsync();
        await Assertions.Expect(reviewer.GetByTestId("group-ticked")).ToHaveTextAsync("10 of 11 ticked");
        await reviewer.SaveScreenshotAsync("review-queue-grouped");
        (await reviewer.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await reviewer.GetByTestId("decision-note").FillAsync("Peskov denies every report of the deployment.");
        await reviewer.GetByTestId("confirm").ClickAsync();

        // The group now stands against the one unticked claim; the watcher's count drops by ten without a reload.
        await Assertions.Expect(Group(reviewer)).ToContainTextAsync("a denial against 1 claim");
        await Assertions
            .Expect(watcher.GetByTestId("count-candidates"))
            .ToHaveTextAsync((candidates - 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Group(reviewer).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("group-member")).ToHaveCountAsync(1);
        await Assertions
            .Expect(reviewer.GetByTestId("group-member"))
            .ToContainTextAsync("thousands of North Korean troops");

        var analyst = await browser.NewPageAsync(role: Roles.Analyst);
        await analyst.GotoAsync(Nis);
        await Assertions.Expect(analyst.GetByTestId("related-contradicts")).ToContainTextAsync("fake news");
        await Assertions.Expect(analyst.GetByTestId("related-contradicts")).ToContainTextAsync("confirmed by");
        await analyst.GotoAsync(Peskov);
        var related = analyst.GetByTestId("related-contradicts");
        await Assertions.Expect(related).ToHaveCountAsync(10);
        await Assertions.Expect(related.Filter(new() { HasText = "ferried nearly 1,500" })).ToHaveCountAsync(1);
        await Assertions
            .Expect(related.Filter(new() { HasText = "thousands of North Korean troops" }))
            .ToHaveCountAsync(0);
        await analyst.GotoAsync(Deployment);
        var conflict = analyst
            .GetByTestId("conflict")
            .Filter(new() { HasText = "fake news" })
            .Filter(new() { HasText = "ferried nearly 1,500" });
        await Assertions.Expect(conflict).ToContainTextAsync("contradicts");
        await analyst.SaveScreenshotAsync("proposition-confirmed-contradiction");
    }

    [Fact]
    public async Task ADismissalNeedsAReasonAndAFlagRaisedFromTheQueueIsCounted()
    {
        var reviewer = await QueueAsync(await browser.NewPageAsync(role: Roles.Reviewer));
        var flags = await reviewer.GetByTestId("count-flags").InnerTextAsync();
        await Item(reviewer, "Incompatible figures", "hundreds of North Korean soldiers").ClickAsync();

        await reviewer.GetByTestId("dismiss").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("form-errors")).ToContainTextAsync("reason");

        await reviewer.GetByTestId("flag-claim").First.ClickAsync();
        await reviewer.GetByTestId("flag-comment").FillAsync("Which base? The place is not sourced.");
        // A flag's kind has no default: raising one without it is refused at the field.
        await reviewer.GetByTestId("flag-submit").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("flag-form")).ToContainTextAsync("Choose the kind of flag.");
        await reviewer.GetByTestId("flag-form").Locator(".mud-select").First.ClickAsync();
        await reviewer.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Contradiction" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("flag-form")).Not.ToContainTextAsync("Choose the kind");
        await reviewer.GetByTestId("flag-submit").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("count-flags")).Not.ToHaveTextAsync(flags);

        await reviewer.GetByTestId("decision-note").FillAsync("The two videos may show different days.");
        await reviewer.GetByTestId("dismiss").ClickAsync();
        await Assertions
            .Expect(Item(reviewer, "Incompatible figures", "hundreds of North Korean soldiers"))
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
