using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Security;

/// <summary>
/// axe-core over every page of the app, each opened by a user who may see it: nothing serious or critical,
/// and the content in one <c>&lt;main&gt;</c>. Every finding of any impact is written to
/// artifacts/axe/&lt;page&gt;.txt, so the survey's figures can be read after a run.
/// </summary>
public class AccessibilitySurveyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid Claim = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Budanov = DemoIds.For("actor", "budanov");
    private static readonly Guid Article = DemoIds.For("source", "seed-article");
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");

    public static TheoryData<string, string, string?> Pages =>
        new()
        {
            { "login", "/account/login", null },
            { "overview", "/", Roles.Analyst },
            { "search", "/claims?q=budanov%2011000", Roles.Analyst },
            { "claim", $"/claims/{Claim}", Roles.Analyst },
            { "actor", $"/actors/{Budanov}", Roles.Analyst },
            { "source", $"/sources/{Article}", Roles.Analyst },
            { "proposition", $"/propositions/{Deployment}", Roles.Analyst },
            { "propositions", "/propositions", Roles.Analyst },
            { "history", $"/history/{Claim}", Roles.Analyst },
            { "actors", "/actors", Roles.Analyst },
            { "sources", "/sources", Roles.Analyst },
            { "places", "/places", Roles.Analyst },
            { "tokens", "/account/tokens", Roles.Analyst },
            { "password", "/account/password", Roles.Analyst },
            { "two-factor", "/account/two-factor", Roles.Analyst },
            { "new-statement", "/claims/new", Roles.Editor },
            { "edit-statement", $"/claims/{Claim}/edit", Roles.Editor },
            { "new-actor", "/actors/new", Roles.Editor },
            { "edit-source", $"/sources/{Article}/edit", Roles.Editor },
            { "edit-proposition", $"/propositions/{Deployment}/edit", Roles.Editor },
            { "import", "/import", Roles.Editor },
            { "intake", "/intake", Roles.Editor },
            { "review", "/review", Roles.Reviewer },
            { "unverified-quotes", "/review/quotes", Roles.Reviewer },
            { "users", "/admin/users", Roles.Admin },
            { "synonyms", "/admin/synonyms", Roles.Admin },
        };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoSeriousFindings(string name, string path, string? role)
    {
        var page = await browser.NewPageAsync(role: role);
        // Closed once surveyed: forty pages left open would keep forty circuits running in the app for the rest
        // of the class (each re-checking its user every 2 s here), slowing every other test.
        await using var closing = new ClosesContext(page);
        await page.GotoAsync(path);
        if (!path.StartsWith("/account/", StringComparison.Ordinal))
        {
            // The account pages are plain HTTP forms; every other page waits for its circuit.
            await page.WaitForCircuitAsync();
        }

        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();

        var findings = await page.AccessibilityFindingsAsync();
        await WriteAsync(name, path, role, findings);
        findings
            .Where(f => f.Impact is "serious" or "critical")
            .Select(f => f.ToString())
            .Should()
            .BeEmpty("axe finds nothing serious on {0}", path);
        (await page.LandmarkViolationsAsync()).Should().BeEmpty("the page's content is in its one <main>");
    }

    private sealed class ClosesContext(IPage page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
    }

    private static async Task WriteAsync(
        string name,
        string path,
        string? role,
        IReadOnlyList<AccessibilityFinding> findings
    )
    {
        var folder = Path.Combine(PageExtensions.RepositoryRoot(), "artifacts", "axe");
        Directory.CreateDirectory(folder);
        var lines = new List<string> { $"{path} as {role ?? "anonymous"}: {findings.Count} findings" };
        lines.AddRange(findings.Select(f => f.ToString()));
        await File.WriteAllLinesAsync(Path.Combine(folder, name + ".txt"), lines);
    }
}
