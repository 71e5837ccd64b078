using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Alerts;

/// <summary>
/// An analyst saves a search, sees the notification of a new matching claim arrive while the page is open (the
/// matcher runs in the background on the save's NOTIFY), opens it and comments with a mention that notifies.
/// </summary>
public class AlertsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASavedSearchNotifiesLiveAndTheClaimTakesACommentWithAMention()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var page = await browser.NewPageAsync(role: Roles.Analyst);
        await page.GotoAsync($"/claims?q={word}");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("save-search").ClickAsync();
        await page.GetByTestId("save-search-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-search-form")).ToContainTextAsync("Give the search a name.");
        await page.GetByTestId("save-search-name").FillAsync("Budanov words");
        await page.GetByTestId("save-search-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved “Budanov words”")).ToBeVisibleAsync();

        await page.GotoAsync("/notifications");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("no-notifications")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.stillTheSamePage = true");

        // An editor records a matching claim elsewhere (here: straight through the save path).
        var (editorEmail, _) = await browser.App.CreateUserAsync(Roles.Editor);
        Guid claimId;
        await using (var db = browser.CreateContext())
        {
            db.ChangedBy = editorEmail;
            var actor = await db.Actors.SingleAsync(a => a.Id == DemoIds.For("actor", "budanov"));
            var proposition = await db.Propositions.SingleAsync(p =>
                p.Id == DemoIds.For("proposition", "nk-troops-in-russia")
            );
            var claim = Claim.Create(
                new NewClaim(proposition, actor, PartialDate.Day(2024, 11, 3), Stance.Affirms, $"Budanov: {word}.")
                {
                    Status = ClaimStatus.Published,
                },
                DateTimeOffset.UtcNow
            );
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            claimId = claim.Id;
        }

        var notification = page.GetByTestId("notification");
        await Assertions.Expect(notification).ToHaveCountAsync(1);
        await Assertions.Expect(notification).ToContainTextAsync("Budanov words");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue();
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await page.GetByTestId("notification-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/claims/{claimId}"));
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("0");

        var mention = editorEmail[..editorEmail.IndexOf('@', StringComparison.Ordinal)];
        var comments = page.GetByTestId("comments-claim");
        await comments.GetByTestId("comment-input").FillAsync($"@{mention} can you check the source?");
        await comments.GetByTestId("comment-post").ClickAsync();
        await Assertions
            .Expect(comments.GetByTestId("comment-text"))
            .ToHaveTextAsync($"@{mention} can you check the source?");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await using var check = browser.CreateContext();
        var editor = await check.Users.SingleAsync(u => u.Email == editorEmail);
        (await check.Notifications.Where(n => n.UserId == editor.Id).Select(n => n.Kind).ToListAsync())
            .Should()
            .Equal(NotificationKind.Mention);
    }
}
