using System.Text.Json;
using System.Text.RegularExpressions;
using ConflictTracker.EndToEnd.Tests.Editing;
using ConflictTracker.Intake;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConflictTracker.EndToEnd.Tests.Intake;

/// <summary>
/// The demo article taken in through /intake and turned into its 25 claims by an editor, in a browser,
/// counting the editor's actions (clicks and fields typed) against entering the same statements through
/// /claims/new. The editor's judgement is the gold annotation (tests/intake-gold/00-seed.json): a draft that
/// matches a demo claim with everything right is accepted, one with something wrong is edited in the form
/// (each changed field counted), and a draft that is no demo claim is rejected.
/// </summary>
public class SeedIntakePageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private sealed record Expected(
        string Key,
        string Speaker,
        string Span,
        string Stance,
        string Proposition,
        decimal? Figure,
        string? Measure
    );

    private sealed record Card(
        int Number,
        string Speaker,
        string Stance,
        string Proposition,
        string Measure,
        string Quantity,
        int Start,
        int End,
        string Decision,
        bool Blocked
    );

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ConflictTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    [Fact]
    public async Task AnEditorTurnsTheSeedArticleIntoItsTwentyFiveClaimsWithFarFewerActions()
    {
        var root = Root();
        var raw = await File.ReadAllTextAsync(Path.Combine(root, "tests", "intake-gold", "00-seed.txt"));
        var text = ArticleText.Normalise(raw);
        using var gold = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(root, "tests", "intake-gold", "00-seed.json"))
        );
        using var demo = JsonDocument.Parse(
            await File.ReadAllTextAsync(
                Path.Combine(root, "src", "ConflictTracker.Web", "Data", "Seed", "demo-data.json")
            )
        );
        var demoClaims = demo
            .RootElement.GetProperty("claims")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!);
        var expected = gold
            .RootElement.GetProperty("attributions")
            .EnumerateArray()
            .Where(a => a.TryGetProperty("claim", out _))
            .Select(a =>
            {
                var claim = demoClaims[a.GetProperty("claim").GetString()!];
                var quantity =
                    claim.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Object
                        ? q
                        : (JsonElement?)null;
                return new Expected(
                    a.GetProperty("claim").GetString()!,
                    a.GetProperty("speaker").GetString()!,
                    a.GetProperty("span").GetString()!,
                    claim.GetProperty("stance").GetString()!,
                    claim.GetProperty("proposition").GetString()!,
                    quantity?.GetProperty("min").GetDecimal(),
                    quantity?.GetProperty("measure").GetString()
                );
            })
            .ToList();
        expected.Should().HaveCount(25);

        var page = await browser.NewPageAsync(height: 1000, role: Roles.Editor);
        var actions = 0;
        await page.GotoAsync("/intake");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("intake-text").FillAsync(raw);
        await page.GetByTestId("intake-published").FillAsync("2024-10");
        await page.GetByTestId("intake-preview").ClickAsync();
        actions += 3;
        await Assertions.Expect(page.GetByTestId("intake-summary")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("intake-start").ClickAsync();
        actions++;
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/intake/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
        var intakeUrl = page.Url;
        await page.WaitForCircuitAsync();
        // The review page's cards carry their draft's number; the preview's, still on screen for a moment after the
        // address changes, do not.
        await Assertions
            .Expect(page.Locator("[data-testid=intake-draft][data-draft]").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=intake-draft]:not([data-draft])")).ToHaveCountAsync(0);

        var edits = new List<string>();
        foreach (var want in expected)
        {
            var (start, end) = Locate(text, want.Span);
            var cards = await CardsAsync(page);
            output.WriteLine($"{want.Key}: {cards.Count} cards, {cards.Count(c => c.Decision == "Pending")} pending");
            var card = cards
                .Where(c =>
                    c.Decision == "Pending" && SameSpeaker(c.Speaker, want.Speaker) && Covers(text, c, start, end)
                )
                .OrderByDescending(c => Math.Min(c.End, end) - Math.Max(c.Start, start))
                .FirstOrDefault();
            if (card is null)
            {
                await page.SaveScreenshotAsync("intake-missing-draft");
                output.WriteLine(page.Url);
                output.WriteLine(await page.InnerTextAsync("body"));
            }

            card.Should()
                .NotBeNull(
                    $"a draft proposes {want.Key} ({want.Speaker} at {start}-{end}); the drafts: {string.Join("; ", cards.Select(c => $"{c.Number} {c.Speaker} {c.Start}-{c.End} {c.Decision}"))}"
                );
            var proposition = DemoIds.For("proposition", want.Proposition).ToString();
            var measure = want.Measure is null ? null : DemoIds.For("measure", want.Measure).ToString();
            var right =
                !card!.Blocked
                && card.Proposition == proposition
                && card.Stance == want.Stance
                && (
                    want.Figure is null
                        ? card.Quantity.Length == 0
                        : card.Quantity == want.Figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            && card.Measure == measure
                );
            var draft = page.Locator($"[data-testid=intake-draft][data-draft='{card.Number}']");
            if (right)
            {
                await draft.GetByTestId("draft-accept").ClickAsync();
                actions++;
                await Assertions
                    .Expect(draft)
                    .ToHaveAttributeAsync("data-decision", "Accepted", new() { Timeout = 30_000 });
                continue;
            }

            // Something is wrong or missing: the editor opens the form, pre-filled from the draft, and fixes it.
            edits.Add(want.Key);
            await draft.GetByTestId("draft-edit").ClickAsync();
            actions++;
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/claims/new\\?intake="));
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.GetByTestId("summary")).Not.ToHaveValueAsync(string.Empty);
            if (card.Proposition != proposition)
            {
                var statement = demo
                    .RootElement.GetProperty("propositions")
                    .EnumerateArray()
                    .Single(p => p.GetProperty("key").GetString() == want.Proposition)
                    .GetProperty("statement")
                    .GetString()!;
                await FormSteps.PickAsync(page, "proposition", statement[..24], statement);
                actions += 2;
            }

            if (card.Speaker == "@publisher")
            {
                await FormSteps.PickAsync(page, "actor", "Seed explainer", "Seed explainer");
                actions += 2;
            }

            if (card.Stance != want.Stance)
            {
                await page.GetByTestId("stance").ClickAsync();
                await page.Locator(
                        ".mud-popover-open .mud-list-item",
                        new()
                        {
                            HasText =
                                want.Stance == "Hedges" ? "hedges"
                                : want.Stance == "Denies" ? "denies"
                                : "affirms",
                        }
                    )
                    .First.ClickAsync();
                actions += 2;
            }

            if (want.Figure is null && card.Quantity.Length > 0)
            {
                await page.GetByTestId("figure").FillAsync(string.Empty);
                actions++;
            }

            if (want.Figure is { } figure)
            {
                if (card.Quantity != figure.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    await page.GetByTestId("figure")
                        .FillAsync(figure.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    actions++;
                }

                if (card.Measure != measure || card.Proposition != proposition)
                {
                    var name = demo
                        .RootElement.GetProperty("propositions")
                        .EnumerateArray()
                        .SelectMany(p =>
                            p.TryGetProperty("measures", out var m)
                                ? m.EnumerateArray()
                                : Enumerable.Empty<JsonElement>()
                        )
                        .Single(m => m.GetProperty("key").GetString() == want.Measure)
                        .GetProperty("name")
                        .GetString()!;
                    await page.GetByTestId("measure").ClickAsync();
                    await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First.ClickAsync();
                    actions += 2;
                }
            }

            await page.GetByTestId("save").ClickAsync();
            actions++;
            try
            {
                await Assertions
                    .Expect(page)
                    .ToHaveURLAsync(new Regex("/claims/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
            }
            catch (PlaywrightException)
            {
                await page.SaveScreenshotAsync("intake-edit-refused");
                output.WriteLine(
                    $"{want.Key}: the form refused the save: "
                        + string.Join(
                            " | ",
                            await page.Locator(".mud-alert, .mud-input-helper-text.mud-input-error")
                                .AllInnerTextsAsync()
                        )
                );
                throw;
            }
            await page.GotoAsync(intakeUrl);
            actions++;
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.GetByTestId("intake-draft").First).ToBeVisibleAsync();
        }

        // What the demo data does not hold as a claim, the editor rejects.
        foreach (var card in (await CardsAsync(page)).Where(c => c.Decision == "Pending"))
        {
            var draft = page.Locator($"[data-testid=intake-draft][data-draft='{card.Number}']");
            await draft.GetByTestId("draft-reject").ClickAsync();
            actions++;
            await Assertions
                .Expect(draft)
                .ToHaveAttributeAsync("data-decision", "Rejected", new() { Timeout = 30_000 });
        }

        await Assertions
            .Expect(page.GetByTestId("intake-progress"))
            .ToContainTextAsync(new Regex("^(\\d+) of \\1 decided"));
        await page.SaveScreenshotAsync("intake-seed-decided");

        // The 25 claims, each with the demo claim's speaker, stance, proposition and figure, citing the article.
        var intakeId = Guid.Parse(intakeUrl[^36..]);
        await using var db = browser.CreateContext();
        var sourceId = await db.ArticleIntakes.Where(i => i.Id == intakeId).Select(i => i.SourceId).SingleAsync();
        var claimIds = await db
            .IntakeDecisions.Where(d => d.IntakeId == intakeId && d.ClaimId != null)
            .Select(d => d.ClaimId!.Value)
            .ToListAsync();
        var claims = await db.Claims.Include(c => c.Citations).Where(c => claimIds.Contains(c.Id)).ToListAsync();
        claims.Should().HaveCount(25);
        claims.Should().OnlyContain(c => c.Citations.Any(x => x.SourceId == sourceId));
        foreach (var want in expected)
        {
            var demoClaim = demoClaims[want.Key];
            var actor = DemoIds.For("actor", demoClaim.GetProperty("assertedBy").GetString()!);
            claims
                .Should()
                .Contain(
                    c =>
                        c.AssertedById == actor
                        && c.PropositionId == DemoIds.For("proposition", want.Proposition)
                        && c.Stance.ToString() == want.Stance
                        && (want.Figure == null || (c.Quantity != null && c.Quantity.Min == want.Figure)),
                    want.Key
                );
        }

        var manual = expected.Sum(e => ManualActions(demoClaims[e.Key]));
        output.WriteLine(
            $"Seed article through /intake: {actions} actions (clicks + fields typed), {edits.Count} drafts edited in the form ({string.Join(", ", edits)})."
        );
        output.WriteLine(
            $"The same 25 statements through /claims/new: {manual} actions. Ratio {(double)manual / actions:0.0}."
        );
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await File.WriteAllTextAsync(
            Path.Combine(root, "artifacts", "intake-actions.txt"),
            $"intake {actions}\nmanual {manual}\nedited {edits.Count}: {string.Join(", ", edits)}\n"
        );
        actions.Should().BeLessThan(manual / 3, "taking an article in must save most of the typing");
    }

    /// <summary>
    /// The actions to enter a demo claim through /claims/new: an autocomplete or a select is two (type or open,
    /// pick), a typed field one, the save one. Defaults that fit (Affirms, Exact) cost nothing.
    /// </summary>
    private static int ManualActions(JsonElement claim)
    {
        bool Has(string name) => claim.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null;
        var count = 2 + 2 + 1 + 1; // proposition, actor, summary, stated on
        count += Has("onBehalfOf") ? 2 : 0;
        count += claim.GetProperty("stance").GetString() == "Affirms" ? 0 : 2;
        if (Has("event"))
        {
            count +=
                1
                + (
                    claim.GetProperty("event").TryGetProperty("end", out var e) && e.ValueKind == JsonValueKind.String
                        ? 1
                        : 0
                );
        }

        count += Has("quote") ? 2 : 0; // the words and their language
        if (Has("quantity"))
        {
            var q = claim.GetProperty("quantity");
            count +=
                2
                + 1
                + (q.TryGetProperty("max", out var max) && max.ValueKind == JsonValueKind.Number ? 1 : 0)
                + (q.GetProperty("qualifier").GetString() == "Exact" ? 0 : 2);
        }

        count += Has("places") ? 2 * claim.GetProperty("places").GetArrayLength() : 0;
        count += 2; // status Published
        count += 2 + 2 + 1 + 1; // the article as source, citation role, citation quote, locator
        return count + 1; // save
    }

    private static (int Start, int End) Locate(string text, string span)
    {
        var found = QuoteMatcher.Locate(text, span);
        found.Found.Should().BeTrue($"the gold span is in the text: {span}");
        return (found.Start, found.End);
    }

    private static bool SameSpeaker(string draft, string gold) =>
        gold == "@publisher" ? draft == "@publisher" : string.Equals(draft, gold, StringComparison.Ordinal);

    private static bool Covers(string text, Card card, int start, int end)
    {
        var words = Word.Split(text, start, end);
        return words.Count(w => w.Start >= card.Start && w.End <= card.End) * 2 >= words.Count;
    }

    private static async Task<List<Card>> CardsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll('[data-testid=intake-draft]')].map(e => ({
                number: e.dataset.draft || '', speaker: e.dataset.speaker || '', stance: e.dataset.stance || '', proposition: e.dataset.proposition || '',
                measure: e.dataset.measure || '', quantity: e.dataset.quantity || '', start: e.dataset.start || '', end: e.dataset.end || '',
                decision: e.dataset.decision || '', blocked: e.dataset.blocked || '' }))
            """
        );
        int Int(JsonElement e, string name) =>
            int.TryParse(e.GetProperty(name).GetString(), out var v)
                ? v
                : throw new InvalidOperationException($"A draft card without {name}: {e}");
        return json.EnumerateArray()
            .Select(e => new Card(
                Int(e, "number"),
                e.GetProperty("speaker").GetString()!,
                e.GetProperty("stance").GetString()!,
                e.GetProperty("proposition").GetString()!,
                e.GetProperty("measure").GetString()!,
                e.GetProperty("quantity").GetString()!,
                Int(e, "start"),
                Int(e, "end"),
                e.GetProperty("decision").GetString()!,
                e.GetProperty("blocked").GetString() == "true"
            ))
            .ToList();
    }
}
