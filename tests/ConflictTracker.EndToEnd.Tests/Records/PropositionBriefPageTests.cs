using System.Text.RegularExpressions;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ConflictTracker.EndToEnd.Tests.Records;

/// <summary>The proposition brief in the browser, and as the PDF its print makes.</summary>
public class PropositionBriefPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");
    private const string NisUrl = "https://www.nis.go.kr/statement-2024-10-18";

    [Fact]
    public async Task TheBriefPrintsToAPdfWithTheAssessmentAContradictionAndTheSources()
    {
        await PrepareAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/propositions/{Deployment}");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("proposition-brief").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/propositions/{Deployment}/brief$"));
        await Assertions.Expect(page.GetByTestId("brief-assessment")).ToContainTextAsync("likely");
        await Assertions.Expect(page.GetByTestId("brief-contradiction")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("estimates-chart")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("estimates-table")).ToHaveCountAsync(0);
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("brief-print")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        using var document = PdfDocument.Open(pdf);
        var text = Regex.Replace(
            string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))),
            @"\s+",
            " "
        );
        text.Should().Contain("Assessment: likely").And.Contain("Seoul and Washington agree on the figure.");
        text.Should()
            .Contain("contradicts")
            .And.Contain("Dmitry Peskov")
            .And.Contain("dismissed reports of North Korean troops in Russia as fake news");
        text.Should()
            .Contain("National Intelligence Service statement on North Korean troop transfers")
            .And.Contain("B · usually reliable");
        Regex.Replace(text, @"\s", "").Should().Contain(NisUrl, "the sources' addresses are printed");
        text.Should().Contain("Independent voices").And.Contain("Estimates over time");
        text.Should().NotContain("Sign out", "the app bar is not printed").And.NotContain("Print or save as PDF");
    }

    private async Task PrepareAsync()
    {
        var contexts = browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var review = new ReviewService(contexts, TestAccess.As(Roles.Reviewer), TimeProvider.System);
        await review.AssessPropositionAsync(Deployment, Assessment.Likely, "Seoul and Washington agree on the figure.");
        await using var db = browser.CreateContext();
        var candidate = await db
            .Candidates.AsNoTracking()
            .SingleAsync(c =>
                c.Rule == CandidateRule.OpposedStances
                && (
                    (c.FirstClaimId == Nis && c.SecondClaimId == Peskov)
                    || (c.FirstClaimId == Peskov && c.SecondClaimId == Nis)
                )
            );
        await review.ConfirmCandidateAsync(candidate.Id, "Peskov answers the NIS report directly.");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE sources SET url = {NisUrl}, reliability = 'B' WHERE id = {DemoIds.For("source", "nis-2024-10-18")}"
        );
    }
}
