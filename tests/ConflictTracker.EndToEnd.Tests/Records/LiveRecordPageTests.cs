using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Records;

/// <summary>
/// Record pages follow saves made elsewhere (PostgreSQL NOTIFY, as the review queue does): a reader sees
/// the new wording without reloading; a reader with unsaved input keeps it and is offered a reload.
/// </summary>
public class LiveRecordPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOpenClaimPageShowsTheWordingAnotherEditorJustSaved()
    {
        var claim = $"/claims/{DemoIds.For("claim", "kim-might-send-troops")}";
        var reader = await browser.NewPageAsync(role: Roles.Analyst);
        await reader.GotoAsync(claim);
        await reader.WaitForCircuitAsync();
        // Gone if the page were loaded again: the new wording must arrive over the open circuit.
        await reader.EvaluateAsync("() => window.stillTheSamePage = true");

        var editor = await browser.NewPageAsync(role: Roles.Editor);
        await editor.GotoAsync(claim + "/edit");
        await editor.WaitForCircuitAsync();
        await editor
            .GetByTestId("summary")
            .FillAsync("The defence minister said North Korea might send soldiers to Russia within weeks.");
        await editor.GetByTestId("save").ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(claim + "$"));

        await Assertions
            .Expect(reader.Locator("h1"))
            .ToHaveTextAsync("The defence minister said North Korea might send soldiers to Russia within weeks.");
        await Assertions.Expect(reader.GetByTestId("record-refreshed")).ToContainTextAsync("Updated just now by");
        (await reader.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue();
    }

    [Fact]
    public async Task AReviewerMidwayThroughAnAssessmentKeepsWhatTheyTypedAndIsOfferedTheNewVersion()
    {
        var id = DemoIds.For("proposition", "nk-supplies-munitions");
        var reviewer = await browser.NewPageAsync(role: Roles.Reviewer);
        await reviewer.GotoAsync($"/propositions/{id}");
        await reviewer.WaitForCircuitAsync();
        await reviewer.GetByTestId("assess-panel").ClickAsync();
        var rationale = reviewer.GetByTestId("assessment-rationale");
        await rationale.FillAsync("Half-way through my own reasoning");
        await rationale.BlurAsync();

        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var access = Testing.TestAccess.As(Roles.Reviewer);
            var current = await ActivatorUtilities
                .CreateInstance<PropositionDetailsService>(scope.ServiceProvider, access)
                .GetAsync(id);
            await ActivatorUtilities
                .CreateInstance<ReviewService>(scope.ServiceProvider, access)
                .AssessPropositionAsync(
                    id,
                    Assessment.Confirmed,
                    "Two independent reports and a photo.",
                    current!.Version
                );
        }

        var changed = reviewer.GetByTestId("record-changed");
        await Assertions.Expect(changed).ToContainTextAsync("changed this record while you were editing");
        await Assertions.Expect(rationale).ToHaveValueAsync("Half-way through my own reasoning");
        (await reviewer.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await reviewer.GetByTestId("record-reload").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("assessment")).ToHaveTextAsync("confirmed");
        await Assertions.Expect(changed).ToHaveCountAsync(0);
    }
}
