using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Search;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>Figures, stance words, names and synonyms in the search text, on the demo data in PostgreSQL.</summary>
public class SearchReadingTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private ClaimSearchService Service => new(fixture.Database.ContextFactory, Analyst);

    private static Guid Claim(string key) => DemoIds.For("claim", key);

    private async Task<IReadOnlyList<Guid>> IdsAsync(string text) =>
        (await Service.SearchAsync(new ClaimQuery { Text = text, PageSize = 100 })).Items.Select(i => i.Id).ToList();

    [Theory]
    [InlineData("1500")]
    [InlineData("1,500")]
    [InlineData("1.500")]
    [InlineData("1 500")]
    [InlineData("1.5k")]
    public async Task AFigureWrittenAnyWayFindsTheClaimStatingIt(string text)
    {
        (await IdsAsync(text)).Should().Equal(Claim("nis-1500-vladivostok"));
    }

    [Fact]
    public async Task ANameAndAFigureFindBudanovsElevenThousand()
    {
        (await IdsAsync("budanov 11000")).Should().Equal(Claim("budanov-11000-training"));
        (await IdsAsync("budanov 11,000 infantry")).Should().Equal(Claim("budanov-11000-training"));
    }

    [Fact]
    public async Task AComparisonWithAUnitMatchesStatedFiguresCountedInThatUnit()
    {
        await new Features.Records.SynonymService(
            fixture.Database.ContextFactory,
            TestAccess.As(Web.Security.Roles.Admin)
        ).AddStarterListAsync();
        var ids = await IdsAsync(">= 1000 soldiers");

        ids.Should()
            .BeEquivalentTo(
                [
                    Claim("nis-1500-vladivostok"),
                    Claim("budanov-11000-training"),
                    Claim("budanov-2600-kursk"),
                    Claim("zelenskyy-thousands"),
                    Claim("seed-few-thousand-sergeevka"),
                ],
                "Budanov's 'infantry' and Zelenskyy's 'troops' are counted in soldiers; containers and shells are not"
            );
        (await IdsAsync("over 1000 troops")).Should().BeEquivalentTo(ids, "troops and soldiers are synonyms");
    }

    [Theory]
    [InlineData("under 1000 soldiers", new[] { "social-hundreds-sergeevka" })]
    [InlineData("between 2,000 and 2,500", new[] { "zelenskyy-thousands", "seed-few-thousand-sergeevka" })]
    [InlineData("1400-1450", new string[0])] // "nearly 1,500" stated 1,500: the margin is not searched
    [InlineData("nearly 1500", new[] { "nis-1500-vladivostok" })]
    [InlineData("4.8 million shells", new[] { "shin-4-8m-shells" })]
    public async Task RangesMatchWhenTheStatedFigureOverlapsThem(string text, string[] expected)
    {
        (await IdsAsync(text)).Should().BeEquivalentTo(expected.Select(Claim));
    }

    [Fact]
    public async Task AStanceWordFindsThatStance()
    {
        var page = await Service.SearchAsync(new ClaimQuery { Text = "denied" });

        page.Items.Select(i => i.Id).Should().Equal(Claim("peskov-fake-news"));
        page.Reading.Stances.Should().Equal(Stance.Denies);
        (await IdsAsync("Kremlin denies")).Should().Equal(Claim("peskov-fake-news"));
        (await IdsAsync("Budanov denied")).Should().BeEmpty("Budanov denied nothing");
    }

    [Fact]
    public async Task AMisspeltNameSaysWhoseClaimsAreShown()
    {
        var page = await Service.SearchAsync(new ClaimQuery { Text = "Budanow 11000" });

        page.Items.Select(i => i.Id).Should().Equal(Claim("budanov-11000-training"));
        page.Reading.StandIns.Should().Equal("Kyrylo Budanov");
        page.Reading.Typed.Should().Be("Budanow");
        page.Reading.Figures.Should().Equal("11,000");
    }

    [Fact]
    public async Task ANameSpeltRightIsNotAStandIn()
    {
        (await Service.SearchAsync(new ClaimQuery { Text = "Budanov" })).Reading.StandIns.Should().BeEmpty();
    }

    [Fact]
    public async Task ANameWordNarrowsToTheActorWhileTheOtherWordsStillMatchItsClaims()
    {
        (await IdsAsync("Budanov Kursk")).Should().Equal(Claim("budanov-2600-kursk"));
    }

    [Fact]
    public async Task AnAdminsSynonymGroupWidensTheSearchAtOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (database)
        {
            await new DemoDataLoader(
                database.ContextFactory,
                TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<DemoDataLoader>.Instance
            ).LoadAsync();
            var service = new ClaimSearchService(database.ContextFactory, Analyst);
            (await service.SearchAsync(new ClaimQuery { Text = "ferry Primorsky" })).Total.Should().Be(0);

            await using (var db = await database.ContextFactory.CreateDbContextAsync())
            {
                db.ChangedBy = "admin@example.org";
                db.SynonymGroups.Add(SynonymGroup.Create(["Vladivostok", "Primorsky"], "A city and its region"));
                await db.SaveChangesAsync();
            }

            var page = await service.SearchAsync(new ClaimQuery { Text = "ferry Primorsky" });
            page.Items.Select(i => i.Id).Should().Equal(Claim("nis-1500-vladivostok"));
            page.Reading.Synonyms.Should().Contain("vladivostok");
        }
    }

    [Fact]
    public async Task FiguresApplyToTheCountAndEveryPage()
    {
        var first = await Service.SearchAsync(new ClaimQuery { Text = "> 100", PageSize = 3 });
        var second = await Service.SearchAsync(
            new ClaimQuery
            {
                Text = "> 100",
                PageSize = 3,
                After = first.NextCursor,
            }
        );
        var third = await Service.SearchAsync(
            new ClaimQuery
            {
                Text = "> 100",
                PageSize = 3,
                After = second.NextCursor,
            }
        );

        first.Total.Should().Be(8, "every demo claim with a figure states more than 100");
        first
            .Items.Concat(second.Items)
            .Concat(third.Items)
            .Select(i => i.Id)
            .Should()
            .OnlyHaveUniqueItems()
            .And.HaveCount(8);
        third.NextCursor.Should().BeNull();
    }
}
