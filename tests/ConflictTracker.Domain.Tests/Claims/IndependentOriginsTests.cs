using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Domain.Tests.Claims;

public class IndependentOriginsTests
{
    private static readonly Guid Briefing = Guid.NewGuid();

    [Fact]
    public void OutletsRepeatingOneBriefingAreManyReportsButOneOrigin()
    {
        var outlets = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var claim = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing, .. outlets]);

        IndependentOrigins.ByStance([claim]).Should().Equal(new StanceSupport(Stance.Affirms, 1, 6, 1, 1));
    }

    [Fact]
    public void TwoActorsTracingToTheSameBriefingShareOneOrigin()
    {
        var agency = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing]);
        var president = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing, Guid.NewGuid()]);

        IndependentOrigins.ByStance([agency, president]).Single().OriginDocuments.Should().Be(1);
    }

    [Fact]
    public void ActorsWithEvidenceOfTheirOwnCountTwice()
    {
        var seoul = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var kyiv = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);

        IndependentOrigins.ByStance([seoul, kyiv]).Single().OriginDocuments.Should().Be(2);
    }

    [Fact]
    public void ClaimsWithoutAKnownOriginAreEachTheirOwn()
    {
        var article = Guid.NewGuid();
        var peskov = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, [article]);
        var other = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, [article]);

        IndependentOrigins.ByStance([peskov, other]).Should().Equal(new StanceSupport(Stance.Denies, 2, 1, 2, 2));
    }

    [Fact]
    public void CountsEachStanceApart()
    {
        var affirm = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Briefing, [Briefing]);
        var deny = new ClaimEvidence(Guid.NewGuid(), Stance.Denies, null, []);

        IndependentOrigins.ByStance([deny, affirm]).Select(s => s.Stance).Should().Equal(Stance.Affirms, Stance.Denies);
    }

    [Fact]
    public void ARepeatsRelationMergesTwoOriginsAndMergingIsTransitive()
    {
        var seoul = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var outlet = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, null, [Guid.NewGuid()]);
        var blog = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var kyiv = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);

        IndependentOrigins.ByStance([seoul, outlet, blog, kyiv]).Single().OriginDocuments.Should().Be(4);
        IndependentOrigins
            .ByStance([seoul, outlet, blog, kyiv], [(outlet.ClaimId, seoul.ClaimId)])
            .Single()
            .OriginDocuments.Should()
            .Be(3);
        IndependentOrigins
            .ByStance([seoul, outlet, blog, kyiv], [(outlet.ClaimId, seoul.ClaimId), (blog.ClaimId, outlet.ClaimId)])
            .Single()
            .OriginDocuments.Should()
            .Be(2, "the blog repeats the outlet, which repeats Seoul");
    }

    [Fact]
    public void RepeatsAcrossStancesDoNotMergeCountsWithinAStance()
    {
        var affirm = new ClaimEvidence(Guid.NewGuid(), Stance.Affirms, Guid.NewGuid(), []);
        var hedge = new ClaimEvidence(Guid.NewGuid(), Stance.Hedges, Guid.NewGuid(), []);

        var support = IndependentOrigins.ByStance([affirm, hedge], [(hedge.ClaimId, affirm.ClaimId)]);

        support.Select(s => (s.Stance, s.OriginDocuments)).Should().Equal((Stance.Affirms, 1), (Stance.Hedges, 1));
    }

    private static readonly Guid Kyiv = Guid.NewGuid();
    private static readonly Guid Seoul = Guid.NewGuid();

    /// <summary>Independent voices: origin documents merged when one voice speaks in several of them.</summary>
    public static TheoryData<string, ClaimEvidence[], (Guid, Guid)[], int, int> VoiceCases
    {
        get
        {
            var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            ClaimEvidence Claim(Guid? origin, Guid? voice) =>
                new(Guid.NewGuid(), Stance.Affirms, origin, origin is { } o ? [o] : [Guid.NewGuid()], Voice: voice);
            var zelenskyyOne = Claim(a, Kyiv);
            var repeated = Claim(b, Guid.NewGuid());
            var repeating = Claim(c, Guid.NewGuid());
            var collectiveOne = Claim(null, null);
            collectiveOne = collectiveOne with { Voice = collectiveOne.ClaimId };
            var collectiveTwo = Claim(null, null);
            collectiveTwo = collectiveTwo with { Voice = collectiveTwo.ClaimId };
            return new()
            {
                {
                    "one voice's three briefings on three days: three origin documents, one voice",
                    [Claim(a, Kyiv), Claim(b, Kyiv), Claim(c, Kyiv)],
                    [],
                    3,
                    1
                },
                { "two voices in their own documents: two and two", [Claim(a, Kyiv), Claim(b, Seoul)], [], 2, 2 },
                {
                    "an outlet's own footage (no origin cited) counts for the outlet, apart from the government it also reports",
                    [Claim(null, Seoul), Claim(a, Kyiv)],
                    [],
                    2,
                    2
                },
                {
                    "an outlet's own footage and its later article on it: one voice",
                    [Claim(null, Seoul), Claim(a, Seoul)],
                    [],
                    2,
                    1
                },
                {
                    "a collective source's claims carry each a voice of their own (ClaimFacts.VoiceOf gives the claim's id)",
                    [collectiveOne, collectiveTwo],
                    [],
                    2,
                    2
                },
                {
                    "two voices speaking in one origin document are one voice there",
                    [Claim(a, Kyiv), Claim(a, Seoul)],
                    [],
                    1,
                    1
                },
                {
                    "a confirmed repeats still merges across voices",
                    [repeated, repeating],
                    [(repeating.ClaimId, repeated.ClaimId)],
                    1,
                    1
                },
                {
                    "voice merging is transitive through a shared document",
                    [zelenskyyOne, Claim(a, Seoul), Claim(b, Seoul), Claim(c, Kyiv)],
                    [],
                    3,
                    1
                },
            };
        }
    }

    [Theory]
    [MemberData(nameof(VoiceCases))]
    public void IndependentVoices(
        string why,
        ClaimEvidence[] claims,
        (Guid, Guid)[] repeats,
        int originDocuments,
        int voices
    )
    {
        var support = IndependentOrigins.ByStance(claims, repeats).Single();

        (support.OriginDocuments, support.IndependentVoices).Should().Be((originDocuments, voices), why);
    }

    [Fact]
    public void TheScoreWeighsEachVoiceOnceWithItsBestReliability()
    {
        var briefing = new ClaimEvidence(
            Guid.NewGuid(),
            Stance.Affirms,
            Guid.NewGuid(),
            [],
            Domain.Sources.ReliabilityGrade.F,
            Voice: Kyiv
        );
        var interview = new ClaimEvidence(
            Guid.NewGuid(),
            Stance.Affirms,
            Guid.NewGuid(),
            [],
            Domain.Sources.ReliabilityGrade.B,
            Voice: Kyiv
        );
        var seoul = new ClaimEvidence(
            Guid.NewGuid(),
            Stance.Affirms,
            Guid.NewGuid(),
            [],
            Domain.Sources.ReliabilityGrade.F,
            Voice: Seoul
        );

        var score = Corroboration.ByStance([briefing, interview, seoul], []).Single();

        score.VoiceWeights.Should().Equal(0.4m, 0.25m);
        score.Score.Should().Be(0.65m, "Kyiv counts once, with its interview's B (0.8 x 0.5), not 0.25 + 0.4");
    }
}
