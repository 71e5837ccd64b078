using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>The claims explorer's search and filters on the demo data, in the real PostgreSQL.</summary>
public class ClaimSearchTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private ClaimSearchService Service => new(fixture.Database.ContextFactory, Analyst);

    private static Guid Claim(string key) => DemoIds.For("claim", key);

    private async Task<IReadOnlyList<Guid>> IdsAsync(ClaimQuery query) =>
        (await Service.SearchAsync(query with { PageSize = 100 })).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task WithoutFiltersListsEveryPublishedClaimNewestStatementFirst()
    {
        var page = await Service.SearchAsync(new ClaimQuery());

        page.Total.Should().Be(25);
        page.Items.Should().HaveCount(25);
        page.Items.Select(i => i.StatedOnDate).Should().BeInDescendingOrder();
        page.PreviousCursor.Should().BeNull();
        page.NextCursor.Should().BeNull();
        var nis = page.Items.Single(i => i.Id == Claim("nis-1500-vladivostok"));
        nis.Should()
            .BeEquivalentTo(
                new
                {
                    Actor = "National Intelligence Service",
                    Stance = Stance.Affirms,
                    StatedOn = "18 Oct 2024",
                    Quantity = "nearly 1,500 soldiers",
                    EventPeriod = "8 Oct 2024 – 13 Oct 2024",
                    Places = new[] { "Vladivostok" },
                }
            );
        page.Items.Single(i => i.Id == Claim("peskov-fake-news"))
            .OnBehalfOf.Should()
            .Be("Kremlin (Presidential Executive Office of Russia)");
    }

    [Theory]
    [InlineData("Budanov")]
    [InlineData("Буданов")] // Ukrainian alias, Cyrillic
    [InlineData("Budanow")] // misspelt
    [InlineData("budanov")]
    public async Task FindsBudanovsClaimsByAnySpellingOfHisName(string text)
    {
        var ids = await IdsAsync(new ClaimQuery { Text = text });

        ids.Should()
            .Contain([Claim("budanov-11000-training"), Claim("budanov-2600-kursk"), Claim("budanov-ready-nov-1")]);
    }

    [Fact]
    public async Task FindsTheDefenceMinistersWarningByHisKoreanName()
    {
        (await IdsAsync(new ClaimQuery { Text = "김용현" })).Should().Equal(Claim("kim-might-send-troops"));
    }

    [Fact]
    public async Task FindsTheKremlinsDenialThroughTheBodyItsSpokesmanSpokeFor()
    {
        (await IdsAsync(new ClaimQuery { Text = "Kremlin" })).Should().Contain(Claim("peskov-fake-news"));
    }

    [Theory]
    [InlineData("Vladivostok", "nis-1500-vladivostok")]
    [InlineData("ferry", "nis-1500-vladivostok")] // stemmed: "ferried"
    [InlineData("fake news", "peskov-fake-news")] // the quote
    [InlineData("\"cannot rule out\"", "howell-cannot-rule-out")] // phrase
    [InlineData("Bloomberg", "shin-10000-containers")] // a cited source's title
    [InlineData("Kharkiv", "un-hwasong-11")]
    public async Task FindsWordsInClaimsQuotesSourcesAndPlaces(string text, string expected)
    {
        (await IdsAsync(new ClaimQuery { Text = text })).Should().Contain(Claim(expected));
    }

    [Fact]
    public async Task WordsThatAppearNowhereFindNothing()
    {
        var page = await Service.SearchAsync(new ClaimQuery { Text = "Zanzibar" });

        page.Total.Should().Be(0);
        page.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task StanceFilterShowsTheKremlinsDenialAlone()
    {
        (await IdsAsync(new ClaimQuery { Stances = [Stance.Denies] })).Should().Equal(Claim("peskov-fake-news"));
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var query = new ClaimQuery
        {
            ActorCountry = "UA",
            Stances = [Stance.Affirms],
            HasQuantity = true,
            StatedFrom = new DateOnly(2024, 10, 1),
            StatedTo = new DateOnly(2024, 10, 31),
        };

        (await IdsAsync(query))
            .Should()
            .BeEquivalentTo([
                Claim("budanov-11000-training"),
                Claim("budanov-2600-kursk"),
                Claim("zelenskyy-thousands"),
            ]);
    }

    [Fact]
    public async Task FiltersByPropositionActorKindPlaceAndEventPeriod()
    {
        (await IdsAsync(new ClaimQuery { PropositionId = DemoIds.For("proposition", "nk-missiles-used") }))
            .Should()
            .BeEquivalentTo([Claim("un-hwasong-11"), Claim("kirby-missile-2023-12-30")]);
        (await IdsAsync(new ClaimQuery { ActorId = DemoIds.For("actor", "gur") }))
            .Should()
            .HaveCount(3, "Budanov spoke for the GUR");
        (await IdsAsync(new ClaimQuery { ActorKind = ActorKind.IntelligenceService }))
            .Should()
            .Equal(Claim("nis-1500-vladivostok"));
        (await IdsAsync(new ClaimQuery { PlaceId = DemoIds.For("place", "sergeevka") }))
            .Should()
            .BeEquivalentTo([Claim("seed-few-thousand-sergeevka"), Claim("social-hundreds-sergeevka")]);
        (
            await IdsAsync(
                new ClaimQuery { EventFrom = new DateOnly(2024, 10, 10), EventTo = new DateOnly(2024, 10, 12) }
            )
        )
            .Should()
            .BeEquivalentTo(
                [Claim("nis-1500-vladivostok"), Claim("budanov-11000-training")],
                "8-13 October and 'October' both cover those days"
            );
    }

    [Fact]
    public async Task StatementDateRangeMatchesPartialDatesThatCouldFallInIt()
    {
        var ids = await IdsAsync(
            new ClaimQuery { StatedFrom = new DateOnly(2024, 10, 19), StatedTo = new DateOnly(2024, 10, 19) }
        );

        ids.Should()
            .Contain(Claim("peskov-fake-news"), "'October 2024' could be the 19th")
            .And.NotContain(Claim("nis-1500-vladivostok"), "the 18th is not the 19th");
    }

    [Fact]
    public async Task ReliabilityFilterUsesTheSourcesOwnGradeElseItsPublishers()
    {
        var ids = await IdsAsync(new ClaimQuery { MinReliability = ReliabilityGrade.B });

        ids.Should()
            .BeEquivalentTo(
                [
                    Claim("cnn-uniform-form"),
                    Claim("lankov-paid-well"),
                    Claim("solovey-burden"),
                    Claim("shin-10000-containers"),
                    Claim("shin-4-8m-shells"),
                ],
                "only CNN, the BBC, AP and Bloomberg are graded B in the demo data"
            );
    }

    [Fact]
    public async Task RetractedClaimsAreHiddenUnlessAskedFor()
    {
        var database = await Testing.TestPostgres.CreateDatabaseAsync();
        await using (database)
        {
            await new DemoDataLoader(
                database.ContextFactory,
                TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<DemoDataLoader>.Instance
            ).LoadAsync();
            await database.ExecuteAsync(
                "UPDATE claims SET status = 'Retracted', retraction_reason = 'Test' WHERE id = @id",
                ("id", Claim("peskov-fake-news"))
            );
            var service = new ClaimSearchService(database.ContextFactory, Analyst);

            (await service.SearchAsync(new ClaimQuery())).Total.Should().Be(24);
            (await service.SearchAsync(new ClaimQuery { Statuses = [ClaimStatus.Retracted] }))
                .Items.Should()
                .ContainSingle(i => i.Id == Claim("peskov-fake-news"));
        }
    }

    [Fact]
    public async Task CredibilityFilterNeedsARating()
    {
        (await IdsAsync(new ClaimQuery { MinCredibility = Credibility.CannotBeJudged }))
            .Should()
            .BeEmpty("no demo claim is rated yet");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task PageSizeOutsideOneToAHundredIsRefused(int size)
    {
        var act = () => Service.SearchAsync(new ClaimQuery { PageSize = size });

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("PageSize");
    }

    [Fact]
    public async Task ForgedCursorIsRefusedWithAClearMessage()
    {
        var act = () => Service.SearchAsync(new ClaimQuery { After = "not-a-cursor" });

        (await act.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors["After"]
            .Single()
            .Should()
            .Contain("not valid");
    }

    [Fact]
    public async Task ReversedDateRangeIsRefused()
    {
        var act = () =>
            Service.SearchAsync(
                new ClaimQuery { StatedFrom = new DateOnly(2024, 10, 31), StatedTo = new DateOnly(2024, 10, 1) }
            );

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("StatedTo");
    }

    [Fact]
    public void HighlightsEveryOccurrenceOfEachTermIgnoringCase()
    {
        var runs = TextTerms.Highlight(
            "Russia's navy ferried soldiers to Vladivostok; vladivostok again",
            TextTerms.Of("Vladivostok navy")
        );

        runs.Where(r => r.Match).Select(r => r.Text).Should().Equal("navy", "Vladivostok", "vladivostok");
        string.Concat(runs.Select(r => r.Text))
            .Should()
            .Be("Russia's navy ferried soldiers to Vladivostok; vladivostok again");
    }
}
