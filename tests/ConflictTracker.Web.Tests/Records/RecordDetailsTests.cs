using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Home;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Sources;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>What the analyst pages read, on the demo data in the real PostgreSQL.</summary>
public class RecordDetailsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static Guid Id(string kind, string key) => DemoIds.For(kind, key);

    [Fact]
    public async Task ClaimDetailsGiveTheFigureItsIntervalAndTheChainFromOriginToRepublication()
    {
        var claim = await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            Id("claim", "nis-1500-vladivostok")
        );

        claim.Should().NotBeNull();
        claim!
            .Quantity.Should()
            .Be(
                new QuantityView(
                    "nearly 1,500 soldiers",
                    "1,350 to 1,500 soldiers",
                    "North Korean soldiers ferried to Vladivostok"
                )
            );
        claim.StatedOn.Should().Be("18 Oct 2024");
        claim.EventPeriod.Should().Be("8 Oct 2024 – 13 Oct 2024");
        claim.Places.Select(p => p.Name).Should().Equal("Vladivostok");
        claim
            .Citations.Select(c => (c.Role, c.Depth, c.Source.Id))
            .Should()
            .Equal(
                (CitationRole.Origin, 0, Id("source", "nis-2024-10-18")),
                (CitationRole.Republication, 1, Id("source", "seed-article"))
            );
        claim.Citations[1].Locator.Should().Be("para. 12");
        claim.Related.Should().BeEmpty();
        claim.OpenFlags.Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimDetailsNameTheRoleTheSpeakerHeldOnTheDay()
    {
        var service = new ClaimDetailsService(fixture.Database.ContextFactory, Analyst);

        var kim = await service.GetAsync(Id("claim", "kim-might-send-troops"));
        var peskov = await service.GetAsync(Id("claim", "peskov-fake-news"));

        kim!
            .ActorRole.Should()
            .Be("Minister of National Defense, Ministry of National Defense of the Republic of Korea");
        peskov!
            .ActorRole.Should()
            .Be("Press Secretary of the President of Russia, Kremlin (Presidential Executive Office of Russia)");
        peskov.OnBehalfOf!.Name.Should().Be("Kremlin (Presidential Executive Office of Russia)");
    }

    [Fact]
    public async Task ActorDetailsListAliasesAffiliationsAndClaimsMadeOnTheActorsBehalf()
    {
        var service = new ActorDetailsService(fixture.Database.ContextFactory, Analyst);

        var peskov = await service.GetAsync(Id("actor", "peskov"));
        var kremlin = await service.GetAsync(Id("actor", "kremlin"));

        peskov!.Aliases.Select(a => a.Name).Should().Contain("Дмитрий Песков");
        peskov
            .Affiliations.Should()
            .ContainSingle(a =>
                a.AsMember
                && a.Role == "Press Secretary of the President of Russia"
                && a.From == new DateOnly(2012, 5, 22)
            );
        peskov.Claims.Select(c => c.Id).Should().Equal(Id("claim", "peskov-fake-news"));
        peskov.TrackRecord.Should().Be(new TrackRecord(1, 0, 0, 0));
        kremlin!
            .Claims.Select(c => c.Id)
            .Should()
            .Contain(Id("claim", "peskov-fake-news"), "a spokesman's claim is made on the Kremlin's behalf");
        kremlin.Affiliations.Should().Contain(a => !a.AsMember && a.Other.Name == "Dmitry Peskov");
    }

    [Fact]
    public async Task SourceDetailsTakeThePublishersGradeWhenTheSourceHasNone()
    {
        var source = await new SourceDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            Id("source", "seed-article")
        );

        source!.Claims.Should().HaveCount(25);
        source.OwnReliability.Should().BeNull();
        source.Reliability.Should().Be(Source.EffectiveReliability(null, source.PublisherReliability));
        source
            .Claims.Should()
            .OnlyContain(c =>
                c.Role == CitationRole.Republication
                || c.Role == CitationRole.FirstReport
                || c.Role == CitationRole.Origin
            );
    }

    [Fact]
    public async Task PropositionDetailsCountClaimsReportsAndIndependentOriginsPerStance()
    {
        var service = new PropositionDetailsService(fixture.Database.ContextFactory, Analyst);

        var munitions = await service.GetAsync(Id("proposition", "nk-supplies-munitions"));
        var deployment = await service.GetAsync(Id("proposition", "nk-troops-in-russia"));

        // Shin's two figures share one Bloomberg interview; the 2022 US accusation has no origin on record.
        munitions!
            .Support.Should()
            .Equal(new StanceSupport(Stance.Affirms, Claims: 3, Reports: 2, OriginDocuments: 2, IndependentVoices: 2));
        munitions.Estimates.Should().HaveCount(2);
        deployment!
            .Support.Select(s => (s.Stance, s.Claims))
            .Should()
            .Equal((Stance.Affirms, 11), (Stance.Denies, 1), (Stance.Hedges, 2));
        deployment
            .Support.Should()
            .OnlyContain(s => s.IndependentVoices <= s.OriginDocuments && s.OriginDocuments <= s.Claims);
        deployment
            .Estimates.Select(e => (e.Measure.Name, e.Points.Count))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    ("North Korean soldiers at the Sergeevka training ground", 2),
                    ("North Korean soldiers ferried to Vladivostok", 1),
                    ("North Korean soldiers sent to Russia", 1),
                    ("North Korean soldiers training in eastern Russia", 1),
                }
            );
        var vladivostok = deployment
            .Estimates.Single(e => e.Measure.Name == "North Korean soldiers ferried to Vladivostok")
            .Points.Single();
        (vladivostok.Low, vladivostok.High).Should().Be((1350m, 1500m));
        deployment
            .Periods.Should()
            .Contain(p =>
                p.ClaimId == Id("claim", "nis-1500-vladivostok")
                && p.EventFirst == new DateOnly(2024, 10, 8)
                && p.EventLast == new DateOnly(2024, 10, 13)
            );
    }

    [Fact]
    public async Task OpenEndedFiguresHaveNoUpperBoundOnTheChart()
    {
        var munitions = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            Id("proposition", "nk-supplies-munitions")
        );

        var containers = munitions!
            .Estimates.SelectMany(e => e.Points)
            .Single(p => p.ClaimId == Id("claim", "shin-10000-containers"));
        containers.Low.Should().Be(10_000m);
        containers.High.Should().BeNull("'at least 10,000' has no upper bound");
    }

    [Fact]
    public async Task HomeRanksPropositionsByHowDisputedTheyAre()
    {
        var home = await new HomeService(fixture.Database.ContextFactory, Analyst).GetAsync();

        home.Claims.Should().Be(25);
        home.RecentClaims.Should().NotBeEmpty();
        home.MostDisputed[0].Proposition.Id.Should().Be(Id("proposition", "nk-troops-in-russia"));
        home.MostDisputed.Should().OnlyContain(p => p.Denies > 0, "a proposition nobody denies is not disputed");
    }

    [Fact]
    public async Task UnknownIdsReadAsNothing()
    {
        var factory = fixture.Database.ContextFactory;
        var unknown = Guid.NewGuid();

        (await new ClaimDetailsService(factory, Analyst).GetAsync(unknown)).Should().BeNull();
        (await new ActorDetailsService(factory, Analyst).GetAsync(unknown)).Should().BeNull();
        (await new SourceDetailsService(factory, Analyst).GetAsync(unknown)).Should().BeNull();
        (await new PropositionDetailsService(factory, Analyst).GetAsync(unknown)).Should().BeNull();
    }
}
