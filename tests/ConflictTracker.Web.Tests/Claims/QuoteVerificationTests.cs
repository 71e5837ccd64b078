using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>
/// Quote verification (docs/rules/quote-verification.md): each citation's words against the newest
/// snapshot of its source, on the claim page's service, the API and the exports, for claims entered by
/// hand as much as for any other.
/// </summary>
public class QuoteVerificationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    /// <summary>A stored article text with curly quotation marks, an em dash and a line break, as articles have
    /// them.</summary>
    public const string Article =
        "SEOUL, 18 October. South Korea\u2019s spy agency said on Friday that Russia\u2019s navy had ferried \u201Cnearly 1,500 special-forces soldiers\u201D "
        + "to Vladivostok between 8 and 13 October \u2014 the first such transfer it has seen.\n\nThe Kremlin called the report \u201Cfake news\u201D.";

    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Nis = DemoIds.For("actor", "nis");

    private ClaimDetailsService Details => new(fixture.Database.ContextFactory, TestAccess.As(Roles.Analyst));

    [Fact]
    public async Task AQuoteInTheSnapshotWordForWordIsFoundWithItsPassage()
    {
        var source = await SourceAsync(Article);
        var claim = await ClaimAsync(source, "nearly 1,500 special-forces soldiers");

        var check = await CheckAsync(claim);

        check.Result.Should().Be(QuoteCheckResult.Found);
        check.Words.Should().Be(QuotedWords.CitationQuote);
        check.Snapshot!.Sha256.Should().Be(SourceSnapshot.HashOf(Article));
        check.Passage!.Quote.Should().Be("nearly 1,500 special-forces soldiers");
        check.Passage.Before.Should().EndWith("had ferried \u201C");
        check.Passage.After.Should().StartWith("\u201D to Vladivostok");
        Article[check.Passage.Start..check.Passage.End].Should().Be(check.Passage.Quote);
    }

    [Theory]
    [InlineData("South Korea's spy agency said", "South Korea\u2019s spy agency said")]
    [InlineData(
        "between 8 and 13 October - the first such transfer",
        "between 8 and 13 October \u2014 the first such transfer"
    )]
    [InlineData(
        "ferried   \"nearly 1,500\n special-forces soldiers\"",
        "ferried \u201Cnearly 1,500 special-forces soldiers"
    )]
    [InlineData(
        "the first such transfer it has seen. The Kremlin called",
        "the first such transfer it has seen.\n\nThe Kremlin called"
    )]
    public async Task AQuoteThatDiffersOnlyInQuotationMarksDashesOrSpacesIsFoundAfterNormalising(
        string quote,
        string asStored
    )
    {
        var claim = await ClaimAsync(await SourceAsync(Article), quote);

        var check = await CheckAsync(claim);

        check.Result.Should().Be(QuoteCheckResult.FoundNormalised);
        check.Passage!.Quote.Should().Be(asStored, "the passage shows the words as the source has them");
    }

    [Theory]
    [InlineData("nearly 1,600 special-forces soldiers")]
    [InlineData("nearly 1,500 special forces soldiers")]
    [InlineData("South Korea's spy agency said on Thursday")]
    public async Task AChangedWordOrCharacterIsNotFound(string quote)
    {
        var claim = await ClaimAsync(await SourceAsync(Article), quote);

        var check = await CheckAsync(claim);

        check.Result.Should().Be(QuoteCheckResult.NotFound);
        check
            .Snapshot!.Sha256.Should()
            .Be(SourceSnapshot.HashOf(Article), "the warning says which stored text was searched");
        check.Passage.Should().BeNull();
    }

    [Fact]
    public async Task WithoutASnapshotOrWithoutWordsThereIsNothingToCheck()
    {
        var withoutSnapshot = await CheckAsync(
            await ClaimAsync(await SourceAsync(), "nearly 1,500 special-forces soldiers")
        );
        var withoutWords = await CheckAsync(await ClaimAsync(await SourceAsync(Article), citationQuote: null));

        withoutSnapshot
            .Should()
            .Be(new QuoteCheck(QuoteCheckResult.NotCheckable, QuotedWords.CitationQuote, null, null));
        withoutWords.Should().Be(QuoteCheck.Nothing);
    }

    [Fact]
    public async Task WithoutWordsOfItsOwnACitationIsCheckedWithTheClaimsQuoteThenItsTranslation()
    {
        var source = await SourceAsync(Article);
        var english = await CheckAsync(await ClaimAsync(source, citationQuote: null, Quote.Create("fake news", "en")));
        var korean = await CheckAsync(
            await ClaimAsync(source, citationQuote: null, Quote.Create("가짜 뉴스", "ko", "fake news", "en"))
        );
        var neither = await CheckAsync(
            await ClaimAsync(source, citationQuote: null, Quote.Create("가짜 뉴스", "ko", "false news", "en"))
        );

        english
            .Should()
            .Match<QuoteCheck>(c => c.Result == QuoteCheckResult.Found && c.Words == QuotedWords.ClaimQuote);
        korean
            .Should()
            .Match<QuoteCheck>(c => c.Result == QuoteCheckResult.Found && c.Words == QuotedWords.ClaimTranslation);
        neither
            .Should()
            .Match<QuoteCheck>(c => c.Result == QuoteCheckResult.NotFound && c.Words == QuotedWords.ClaimQuote);
    }

    [Fact]
    public async Task TheNewestSnapshotIsTheOneChecked()
    {
        var corrected = Article.Replace("nearly 1,500", "about 1,500", StringComparison.Ordinal);
        var claim = await ClaimAsync(await SourceAsync(Article, corrected), "nearly 1,500 special-forces soldiers");

        var check = await CheckAsync(claim);

        check.Result.Should().Be(QuoteCheckResult.NotFound);
        check.Snapshot!.Sha256.Should().Be(SourceSnapshot.HashOf(corrected));
    }

    [Fact]
    public async Task TheApiCarriesTheCheckOfEachCitation()
    {
        var source = await SourceAsync(Article);
        var good = await ClaimAsync(source, "nearly 1,500 special-forces soldiers");
        var bad = await ClaimAsync(source, "nearly 2,500 special-forces soldiers");
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        var found = await CitationJsonAsync(analyst, good);
        var notFound = await CitationJsonAsync(analyst, bad);

        found.GetProperty("result").GetString().Should().Be("Found");
        found.GetProperty("words").GetString().Should().Be("CitationQuote");
        found.GetProperty("snapshot").GetProperty("sha256").GetString().Should().Be(SourceSnapshot.HashOf(Article));
        found
            .GetProperty("passage")
            .GetProperty("quote")
            .GetString()
            .Should()
            .Be("nearly 1,500 special-forces soldiers");
        notFound.GetProperty("result").GetString().Should().Be("NotFound");
        notFound.GetProperty("passage").ValueKind.Should().Be(JsonValueKind.Null);
        using var citations = await analyst.GetAsync($"/api/v1/citations?claim={bad}");
        (await citations.JsonAsync())[0]
            .GetProperty("quoteCheck")
            .GetProperty("result")
            .GetString()
            .Should()
            .Be("NotFound");
    }

    [Fact]
    public async Task AStatementTypedThroughTheApiIsCheckedToo()
    {
        var source = await SourceAsync(Article);
        var editor = await fixture.ClientAsync(Roles.Editor);
        var body = new Dictionary<string, object?>
        {
            ["propositionId"] = Deployment,
            ["actorId"] = Nis,
            ["statedOn"] = "2024-10-18",
            ["stance"] = "Affirms",
            ["status"] = "Published",
            ["summary"] = "Russia's navy ferried nearly 1,500 special-forces soldiers to Vladivostok.",
            ["sourceId"] = source,
            ["citationRole"] = "FirstReport",
            ["citationQuote"] = "Russia's navy had ferried \"nearly 1,500 special-forces soldiers\"",
        };

        using var created = await editor.PostAsJsonAsync("/api/v1/claims", body, ApiFixture.Json);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var check = await CitationJsonAsync(editor, id);
        check.GetProperty("result").GetString().Should().Be("FoundNormalised");
        check
            .GetProperty("passage")
            .GetProperty("quote")
            .GetString()
            .Should()
            .Be(
                "Russia\u2019s navy had ferried \u201Cnearly 1,500 special-forces soldiers",
                "quotation marks around the ends are left out"
            );
    }

    [Fact]
    public async Task TheExportsCarryEachClaimsQuoteCheck()
    {
        var source = await SourceAsync(Article);
        var good = await ClaimAsync(source, "nearly 1,500 special-forces soldiers");
        var normalised = await ClaimAsync(source, "South Korea's spy agency");
        var bad = await ClaimAsync(source, "nearly 2,500 special-forces soldiers");
        var notChecked = await ClaimAsync(await SourceAsync(), "nearly 1,500 special-forces soldiers");
        var analyst = await fixture.ClientAsync(Roles.Analyst);

        using var json = await analyst.GetAsync($"/api/v1/export/claims.json?proposition={Deployment}");
        var fromJson = (await json.JsonAsync())
            .EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetGuid(), r => r.GetProperty("quoteCheck").GetString()!);
        using var csv = await analyst.GetAsync($"/api/v1/export/claims.csv?proposition={Deployment}");
        using var reader = new CsvReader(
            new StringReader(await csv.Content.ReadAsStringAsync()),
            CultureInfo.InvariantCulture
        );
        var fromCsv = reader
            .GetRecords<dynamic>()
            .Cast<IDictionary<string, object>>()
            .ToDictionary(r => Guid.Parse((string)r["Id"]), r => (string)r["QuoteCheck"]);

        foreach (var exported in new[] { fromJson, fromCsv })
        {
            exported[good].Should().Be("Found");
            exported[normalised].Should().Be("FoundNormalised");
            exported[bad].Should().Be("NotFound");
            exported[notChecked].Should().Be("NotCheckable");
            exported[DemoIds.For("claim", "nis-1500-vladivostok")]
                .Should()
                .Be("NotCheckable", "no demo source has a snapshot");
        }
    }

    [Fact]
    public void APassageShowsWholeWordsAroundTheQuote()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var start = text.IndexOf("word100", StringComparison.Ordinal);

        var passage = QuoteVerification.Passage(text, start, start + "word100 word101".Length);

        passage.Quote.Should().Be("word100 word101");
        passage.Before.Should().StartWith("…word").And.EndWith("word99 ");
        passage.After.Should().StartWith(" word102").And.EndWith("…");
        passage.Before.Length.Should().BeLessThanOrEqualTo(QuoteVerification.ContextLength + 1);
        passage.After.Length.Should().BeLessThanOrEqualTo(QuoteVerification.ContextLength + 1);
        passage
            .Before.TrimStart('…')
            .Split(' ')[0]
            .Should()
            .MatchRegex("^word[0-9]+$", "the context starts on a whole word");
        QuoteVerification.Passage("short quote", 0, 5).Should().Be(new QuotePassage("", "short", " quote", 0, 5));
    }

    private async Task<QuoteCheck> CheckAsync(Guid claim) =>
        (await Details.GetAsync(claim))!.Citations.Single().QuoteCheck;

    private static async Task<JsonElement> CitationJsonAsync(HttpClient client, Guid claim)
    {
        using var response = await client.GetAsync($"/api/v1/claims/{claim}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("citations")[0].GetProperty("quoteCheck");
    }

    /// <summary>A new article, with a snapshot of each text given, a day apart, the last the newest.</summary>
    private async Task<Guid> SourceAsync(params string[] texts)
    {
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "tester";
        var source = Source.Create(
            SourceKind.Article,
            $"Spy agency report {Guid.NewGuid():N}",
            "https://example.org/report",
            null,
            PartialDate.Day(2024, 10, 18),
            null,
            "en"
        );
        db.Sources.Add(source);
        var at = new DateTimeOffset(2024, 10, 19, 8, 0, 0, TimeSpan.Zero);
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            db.SourceSnapshots.Add(SourceSnapshot.Create(source, text, "Text", null, "tester", at.AddDays(i)));
        }

        await db.SaveChangesAsync();
        return source.Id;
    }

    /// <summary>A published claim of the demo's NIS on the deployment, citing the source once.</summary>
    private async Task<Guid> ClaimAsync(Guid sourceId, string? citationQuote, Quote? quote = null)
    {
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "tester";
        var proposition = await db.Propositions.SingleAsync(p => p.Id == Deployment);
        var actor = await db.Actors.SingleAsync(a => a.Id == Nis);
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        var claim = Claim.Create(
            new NewClaim(
                proposition,
                actor,
                PartialDate.Day(2024, 10, 18),
                Stance.Affirms,
                $"Special forces ferried to Vladivostok ({Guid.NewGuid():N})."
            )
            {
                Quote = quote,
                Status = ClaimStatus.Published,
            },
            DateTimeOffset.UtcNow
        );
        claim.Cite(source, CitationRole.FirstReport, citationQuote);
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }
}
