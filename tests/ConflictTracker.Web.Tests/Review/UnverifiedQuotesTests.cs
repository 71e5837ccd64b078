using System.Net;
using System.Text.Json;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;
using ConflictTracker.Web.Tests.Claims;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>The review queue's unverified quotes: citations whose words are not in their source's newest snapshot, a
/// bounded stretch at a time.</summary>
public class UnverifiedQuotesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Found = "nearly 1,500 special-forces soldiers";

    [Fact]
    public async Task TheQueueListsTheQuotesNotFoundAndNoOthers()
    {
        var proposition = await PropositionAsync();
        var article = await SourceAsync(QuoteVerificationTests.Article);
        var unstored = await SourceAsync();
        var good = await ClaimsAsync(proposition, article, Found);
        var normalised = await ClaimsAsync(proposition, article, "South Korea's spy agency");
        var bad = await ClaimsAsync(proposition, article, "nearly 2,500 special-forces soldiers");
        var badClaimQuote = await ClaimsAsync(
            proposition,
            article,
            null,
            quote: Quote.Create("some 2,500 soldiers", "en")
        );
        var retracted = await ClaimsAsync(proposition, article, "nearly 3,500 special-forces soldiers", retract: true);
        var notChecked = await ClaimsAsync(proposition, unstored, "nearly 4,500 special-forces soldiers");
        var editor = await fixture.ClientAsync(Roles.Editor);

        var items = await ListedAsync(editor);
        var listed = items.Select(i => i.GetProperty("claimId").GetGuid()).ToList();

        listed
            .Should()
            .Contain([bad[0], badClaimQuote[0]])
            .And.NotContain([good[0], normalised[0], retracted[0], notChecked[0]]);
        var item = items.Single(i => i.GetProperty("claimId").GetGuid() == bad[0]);
        item.GetProperty("quote").GetString().Should().Be("nearly 2,500 special-forces soldiers");
        item.GetProperty("words").GetString().Should().Be("CitationQuote");
        item.GetProperty("snapshot")
            .GetProperty("sha256")
            .GetString()
            .Should()
            .Be(SourceSnapshot.HashOf(QuoteVerificationTests.Article));
        items
            .Single(i => i.GetProperty("claimId").GetGuid() == badClaimQuote[0])
            .GetProperty("words")
            .GetString()
            .Should()
            .Be("ClaimQuote");

        using var analyst = await (await fixture.ClientAsync(Roles.Analyst)).GetAsync(
            "/api/v1/review/unverified-quotes"
        );
        analyst.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the queue is for editors and reviewers");
    }

    [Fact]
    public async Task MoreUnverifiedQuotesThanAPageComeWithACursorToTheRest()
    {
        var bad = await ClaimsAsync(
            await PropositionAsync(),
            await SourceAsync(QuoteVerificationTests.Article),
            "nearly 9,000 special-forces soldiers",
            count: UnverifiedQuoteService.PageSize + 10
        );
        var service = new UnverifiedQuoteService(fixture.Database.ContextFactory, TestAccess.As(Roles.Reviewer));

        var first = await service.ListAsync(null);
        var all = new List<UnverifiedQuote>(first.Items);
        var pages = 1;
        for (var next = first.NextCursor; next is not null; pages++)
        {
            var page = await service.ListAsync(next);
            all.AddRange(page.Items);
            next = page.NextCursor;
        }

        first.Items.Should().HaveCount(UnverifiedQuoteService.PageSize);
        first.NextCursor.Should().NotBeNull();
        pages.Should().BeGreaterThan(1);
        all.Select(i => i.CitationId).Should().OnlyHaveUniqueItems();
        all.Select(i => i.ClaimId).Should().Contain(bad);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("bm90LWEtcG9zaXRpb24")]
    [InlineData("%00")]
    public async Task ABadCursorIsA400NamingIt(string cursor)
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);

        using var response = await reviewer.GetAsync($"/api/v1/review/unverified-quotes?cursor={cursor}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("cursor", out _).Should().BeTrue();
    }

    /// <summary>Every unverified quote, following the cursor from stretch to stretch (other tests of the class add
    /// theirs).</summary>
    private static async Task<List<JsonElement>> ListedAsync(HttpClient client)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync(
                $"/api/v1/review/unverified-quotes{(cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor))}"
            );
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var page = await response.JsonAsync();
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            page.GetProperty("checked").GetInt32().Should().BeLessThanOrEqualTo(UnverifiedQuoteService.CheckLimit);
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        return items;
    }

    private async Task<Guid> PropositionAsync()
    {
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "tester";
        var proposition = Proposition.Create($"Special forces were ferried to Vladivostok {Guid.NewGuid():N}");
        db.Propositions.Add(proposition);
        await db.SaveChangesAsync();
        return proposition.Id;
    }

    private async Task<Guid> SourceAsync(string? text = null)
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
        if (text is not null)
        {
            db.SourceSnapshots.Add(SourceSnapshot.Create(source, text, "Text", null, "tester", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
        return source.Id;
    }

    /// <summary><paramref name="count"/> published claims citing the source with the same words.</summary>
    private async Task<List<Guid>> ClaimsAsync(
        Guid propositionId,
        Guid sourceId,
        string? citationQuote,
        Quote? quote = null,
        bool retract = false,
        int count = 1
    )
    {
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = "tester";
        var proposition = await db.Propositions.SingleAsync(p => p.Id == propositionId);
        var actor = await db.Actors.SingleAsync(a => a.Id == DemoIds.For("actor", "nis"));
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
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
            if (retract)
            {
                claim.Retract("Entered in error.");
            }

            db.Claims.Add(claim);
            ids.Add(claim.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
