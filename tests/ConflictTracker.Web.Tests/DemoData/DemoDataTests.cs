using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.DemoData;

public class DemoDataTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static Guid Id(string kind, string key) => DemoIds.For(kind, key);

    [Fact]
    public async Task LoadingTwiceAddsNothingAndLeavesTheSameCounts()
    {
        var before = await CountsAsync();

        var second = await fixture.CreateLoader().LoadAsync();

        second.Total.Should().Be(0);
        (await CountsAsync()).Should().Equal(before);
        fixture.FirstLoad.Claims.Should().Be(before[5]);
    }

    [Fact]
    public async Task EveryAttributedClaimOfTheArticleIsLoaded()
    {
        fixture
            .FirstLoad.Should()
            .BeEquivalentTo(
                new
                {
                    Actors = 34,
                    Affiliations = 12,
                    Places = 5,
                    Propositions = 7,
                    Sources = 17,
                    Claims = 25,
                }
            );

        await using var db = fixture.Database.CreateContext();
        (await db.Claims.CountAsync(c => c.Status == ClaimStatus.Published)).Should().Be(25);
    }

    [Fact]
    public async Task PeskovDeniesTheDeploymentOnTheKremlinsBehalf()
    {
        await using var db = fixture.Database.CreateContext();

        var peskov = await db.Claims.SingleAsync(c => c.Id == Id("claim", "peskov-fake-news"));

        peskov.Stance.Should().Be(Stance.Denies);
        peskov.PropositionId.Should().Be(Id("proposition", "nk-troops-in-russia"));
        peskov.AssertedById.Should().Be(Id("actor", "peskov"));
        peskov.OnBehalfOfId.Should().Be(Id("actor", "kremlin"));
        peskov.Quote!.Text.Should().Be("This seems like yet another fake news story.");
        (await db.Propositions.SingleAsync(p => p.Id == peskov.PropositionId))
            .Statement.Should()
            .Be("North Korean troops are deployed to Russia for the war against Ukraine");
    }

    [Fact]
    public async Task NisClaimIsNearly1500SoldiersFerriedToVladivostokBetween8And13October()
    {
        await using var db = fixture.Database.CreateContext();

        var nis = await db
            .Claims.Include(c => c.Places)
            .Include(c => c.Citations)
            .SingleAsync(c => c.Id == Id("claim", "nis-1500-vladivostok"));
        var measure = await db.Measures.SingleAsync(m => m.Id == nis.MeasureId);

        nis.AssertedById.Should().Be(Id("actor", "nis"));
        nis.Stance.Should().Be(Stance.Affirms);
        nis.StatedOn.Should().Be(PartialDate.Day(2024, 10, 18));
        nis.EventPeriod!.Start.Should().Be(PartialDate.Day(2024, 10, 8));
        nis.EventPeriod.End.Should().Be(PartialDate.Day(2024, 10, 13));
        nis.Quantity!.Qualifier.Should()
            .Be(QuantityQualifier.Nearly, "'nearly' is the approximate-from-below qualifier");
        nis.Quantity.Min.Should().Be(1500);
        nis.Quantity.ImpliedInterval.Should().Be(new ImpliedInterval(1350, 1500));
        measure.Unit.Should().Be("soldiers");
        nis.Quantity.ToString(measure.Unit).Should().Be("nearly 1,500 soldiers");
        nis.Places.Select(p => p.Name).Should().Equal("Vladivostok");
        nis.Citations.Select(c => c.Role).Should().BeEquivalentTo([CitationRole.Origin, CitationRole.Republication]);
    }

    [Fact]
    public async Task BudanovsFiguresAreOnTheirOwnMeasures()
    {
        await using var db = fixture.Database.CreateContext();
        var claims = await db.Claims.Where(c => c.AssertedById == Id("actor", "budanov")).ToDictionaryAsync(c => c.Id);

        claims.Should().HaveCount(3);
        var training = claims[Id("claim", "budanov-11000-training")];
        training.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(9900, 11000));
        training.MeasureId.Should().Be(Id("measure", "training-in-eastern-russia"));
        claims[Id("claim", "budanov-2600-kursk")].Quantity!.Min.Should().Be(2600);
        claims[Id("claim", "budanov-ready-nov-1")].EventPeriod!.Start.Should().Be(PartialDate.Day(2024, 11, 1));
        claims.Values.Should().OnlyContain(c => c.OnBehalfOfId == Id("actor", "gur"));
    }

    [Fact]
    public async Task ShinsContainerAndShellFiguresKeepTheirQualifiers()
    {
        await using var db = fixture.Database.CreateContext();

        var containers = await db.Claims.SingleAsync(c => c.Id == Id("claim", "shin-10000-containers"));
        var shells = await db.Claims.SingleAsync(c => c.Id == Id("claim", "shin-4-8m-shells"));

        containers.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(10000, null));
        shells.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(0, 4_800_000));
        containers.StatedOn.Precision.Should().Be(DatePrecision.Year, "the article does not date the interview");
    }

    [Fact]
    public async Task HedgesAreHedgesAndEveryClaimCitesTheArticle()
    {
        await using var db = fixture.Database.CreateContext();

        var hedges = await db.Claims.Where(c => c.Stance == Stance.Hedges).Select(c => c.Id).ToListAsync();
        var citingArticle = await db
            .Citations.Where(c => c.SourceId == Id("source", "seed-article"))
            .Select(c => c.ClaimId)
            .Distinct()
            .CountAsync();

        hedges
            .Should()
            .BeEquivalentTo([
                Id("claim", "kim-might-send-troops"),
                Id("claim", "howell-cannot-rule-out"),
                Id("claim", "howell-engineers"),
            ]);
        citingArticle.Should().Be(25);
    }

    [Fact]
    public async Task ActorsCarryTheirAliasesAndRoles()
    {
        await using var db = fixture.Database.CreateContext();

        var budanov = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == Id("actor", "budanov"));
        var kim = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == Id("actor", "kim-yong-hyun"));
        var peskovRole = await db.Affiliations.SingleAsync(a => a.MemberId == Id("actor", "peskov"));

        budanov.Aliases.Select(a => a.Name).Should().Contain("Кирило Буданов");
        kim.Aliases.Select(a => a.Name).Should().Contain("김용현");
        peskovRole.OrganisationId.Should().Be(Id("actor", "kremlin"));
        peskovRole.SpeaksFor.Should().BeTrue();
        peskovRole.IsHeldOn(new DateOnly(2024, 10, 20)).Should().BeTrue();
    }

    [Fact]
    public async Task PropositionsStartUnverified()
    {
        await using var db = fixture.Database.CreateContext();

        (await db.Propositions.Select(p => p.Assessment).Distinct().ToListAsync())
            .Should()
            .Equal(Assessment.Unverified);
    }

    private async Task<int[]> CountsAsync()
    {
        await using var db = fixture.Database.CreateContext();
        return
        [
            await db.Actors.CountAsync(),
            await db.ActorAliases.CountAsync(),
            await db.Affiliations.CountAsync(),
            await db.Places.CountAsync(),
            await db.Propositions.CountAsync(),
            await db.Claims.CountAsync(),
            await db.Citations.CountAsync(),
            await db.Sources.CountAsync(),
            await db.Measures.CountAsync(),
        ];
    }
}
