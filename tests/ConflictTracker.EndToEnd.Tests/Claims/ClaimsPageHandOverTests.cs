using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Claim = ConflictTracker.Domain.Claims.Claim;

namespace ConflictTracker.EndToEnd.Tests.Claims;

/// <summary>
/// The explorer hands its prerendered page to the circuit (docs/performance.md, "Lighthouse"), but only when it
/// fits the circuit's first message: a page too large for it is searched again, and the page stays live.
/// </summary>
public class ClaimsPageHandOverTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task APageOfLongCyrillicClaimsStillStartsItsCircuit()
    {
        // 100 claims of 2,000 Cyrillic characters: far more than the first message may carry as state.
        var word = "Жуковка" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = browser.CreateContext())
        {
            db.ChangedBy = "editor@test.example";
            var actor = await db.Actors.SingleAsync(a => a.Id == DemoIds.For("actor", "budanov"));
            var proposition = await db.Propositions.SingleAsync(p =>
                p.Id == DemoIds.For("proposition", "nk-troops-in-russia")
            );
            const string Sentence = "Войска переброшены к границе. ";
            var text = $"{word} " + string.Concat(Enumerable.Repeat(Sentence, 70));
            for (var i = 0; i < 100; i++)
            {
                var stated = PartialDate.Day(2024, 11, 1 + (i % 28));
                db.Claims.Add(
                    Claim.Create(
                        new NewClaim(proposition, actor, stated, Stance.Affirms, text[..2000])
                        {
                            Status = ClaimStatus.Published,
                        },
                        DateTimeOffset.UtcNow
                    )
                );
            }

            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/claims?q={word}&size=100");
        await page.WaitForCircuitAsync();
        var rows = page.GetByTestId("claims-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(100);

        await page.GetByTestId("claim-search").FillAsync("Peskov");
        await page.GetByTestId("claim-search").PressAsync("Enter");
        await Assertions
            .Expect(page.GetByTestId("claims-table").Locator("tr", new() { HasText = "Dmitry Peskov" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(rows).Not.ToHaveCountAsync(100);
    }
}
