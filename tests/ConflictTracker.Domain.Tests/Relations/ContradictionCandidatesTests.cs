using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;

namespace ConflictTracker.Domain.Tests.Relations;

/// <summary>Each candidate rule and each exception of docs/rules/contradictions.md, on small constructed
/// cases.</summary>
public class ContradictionCandidatesTests
{
    private static readonly Guid Deployment = Guid.NewGuid();
    private static readonly Guid Seoul = Guid.NewGuid();
    private static readonly Guid Kremlin = Guid.NewGuid();
    private static readonly Guid Kyiv = Guid.NewGuid();
    private static readonly Guid Ferried = Guid.NewGuid();
    private static readonly Guid Training = Guid.NewGuid();

    private static readonly EventPeriod EightToThirteenOctober = EventPeriod.Create(
        PartialDate.Day(2024, 10, 8),
        PartialDate.Day(2024, 10, 13)
    );
    private static readonly EventPeriod October = EventPeriod.Create(PartialDate.Month(2024, 10));
    private static readonly EventPeriod December = EventPeriod.Create(PartialDate.Month(2024, 12));

    private static ClaimFacts Claim(
        Guid voice,
        Stance stance = Stance.Affirms,
        PartialDate? stated = null,
        Guid? measure = null,
        Quantity? figure = null,
        EventPeriod? period = null,
        ClaimStatus status = ClaimStatus.Published,
        Guid? proposition = null
    ) =>
        new(
            Guid.NewGuid(),
            proposition ?? Deployment,
            voice,
            stance,
            stated ?? PartialDate.Day(2024, 10, 18),
            period,
            measure,
            figure?.ImpliedInterval,
            status
        );

    private static Quantity Nearly(decimal value) => Quantity.Create(value, null, QuantityQualifier.Nearly);

    private static Quantity AtLeast(decimal value) => Quantity.Create(value, null, QuantityQualifier.AtLeast);

    private static Quantity About(decimal value) => Quantity.Create(value, null, QuantityQualifier.Approximately);

    private static Quantity AtMost(decimal value) => Quantity.Create(value, null, QuantityQualifier.AtMost);

    private static Quantity Exactly(decimal value) => Quantity.Create(value, null, QuantityQualifier.Exact);

    private static readonly EventPeriod TwentyToTwentyFifthMay = EventPeriod.Create(
        PartialDate.Day(2024, 5, 20),
        PartialDate.Day(2024, 5, 25)
    );

    public static TheoryData<string, ClaimFacts, ClaimFacts, CandidateRule[]> Cases =>
        new()
        {
            {
                "the Kremlin's denial against Seoul's affirmation",
                Claim(Seoul),
                Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 10, 19)),
                [CandidateRule.OpposedStances]
            },
            {
                "a denial before an affirmation is the same contradiction",
                Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 10, 1)),
                Claim(Seoul),
                [CandidateRule.OpposedStances]
            },
            {
                "a hedge against an affirmation is not a contradiction",
                Claim(Seoul, Stance.Hedges, PartialDate.Day(2024, 10, 8)),
                Claim(Kyiv),
                []
            },
            {
                "a neutral report against a denial is not a contradiction",
                Claim(Seoul, Stance.Neutral),
                Claim(Kremlin, Stance.Denies),
                []
            },
            {
                "claims on different propositions never contradict",
                Claim(Seoul),
                Claim(Kremlin, Stance.Denies, proposition: Guid.NewGuid()),
                []
            },
            {
                "nearly 1,500 against at least 10,000 for the same week",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: EightToThirteenOctober),
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 20),
                    measure: Ferried,
                    figure: AtLeast(10_000),
                    period: EightToThirteenOctober
                ),
                [CandidateRule.IncompatibleFigures]
            },
            {
                "different measures: ferried to Vladivostok vs training in eastern Russia",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(Kyiv, measure: Training, figure: Nearly(11_000), period: October),
                []
            },
            {
                "intervals that overlap can both hold: about 1,500 and nearly 1,500",
                Claim(Seoul, measure: Ferried, figure: About(1500), period: October),
                Claim(Kyiv, measure: Ferried, figure: Nearly(1500), period: October),
                []
            },
            {
                "figures for periods that do not overlap do not contradict",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: EightToThirteenOctober),
                Claim(Kyiv, measure: Ferried, figure: AtLeast(10_000), period: December),
                []
            },
            {
                "a figure without an event period describes the time it was stated",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(Kyiv, stated: PartialDate.Day(2024, 10, 20), measure: Ferried, figure: AtLeast(10_000)),
                [CandidateRule.IncompatibleFigures]
            },
            {
                "...and so does not meet a figure for a period long before it",
                Claim(
                    Seoul,
                    stated: PartialDate.Day(2024, 12, 1),
                    measure: Ferried,
                    figure: Nearly(1500),
                    period: EventPeriod.Create(PartialDate.Month(2023, 6))
                ),
                Claim(Kyiv, stated: PartialDate.Day(2024, 12, 2), measure: Ferried, figure: AtLeast(10_000)),
                []
            },
            {
                "the same voice's later figure is a supersedes candidate, not a contradiction",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(
                    Seoul,
                    stated: PartialDate.Day(2024, 11, 5),
                    measure: Ferried,
                    figure: AtLeast(10_000),
                    period: October
                ),
                [CandidateRule.LaterFigureBySameVoice]
            },
            {
                "the same voice on the same day, incompatible figures: one report of it is wrong",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(Seoul, measure: Ferried, figure: AtLeast(10_000), period: October),
                [CandidateRule.InconsistentReportsOfOneVoice]
            },
            {
                "two outlets report one briefing as at least 120 and about 90 (same day): inconsistent reports",
                Claim(Kyiv, measure: Ferried, figure: AtLeast(120)),
                Claim(Kyiv, measure: Ferried, figure: About(90)),
                [CandidateRule.InconsistentReportsOfOneVoice]
            },
            {
                "the same voice on the same day, compatible figures: nothing to propose",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(Seoul, measure: Ferried, figure: About(1500), period: October),
                []
            },
            {
                "a year-only statement against a day in that year has no strict order: inconsistent reports",
                Claim(Seoul, stated: PartialDate.Year(2024), measure: Ferried, figure: Exactly(300), period: October),
                Claim(
                    Seoul,
                    stated: PartialDate.Day(2024, 11, 2),
                    measure: Ferried,
                    figure: AtLeast(1000),
                    period: October
                ),
                [CandidateRule.InconsistentReportsOfOneVoice]
            },
            {
                "a year-only statement against a day in that year, compatible: nothing",
                Claim(Seoul, stated: PartialDate.Year(2024), measure: Ferried, figure: AtLeast(300), period: October),
                Claim(
                    Seoul,
                    stated: PartialDate.Day(2024, 11, 2),
                    measure: Ferried,
                    figure: AtLeast(1000),
                    period: October
                ),
                []
            },
            {
                "compatible update: at least 120, a week later at least 150, is a supersedes candidate",
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 1),
                    measure: Ferried,
                    figure: AtLeast(120),
                    period: October
                ),
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 8),
                    measure: Ferried,
                    figure: AtLeast(150),
                    period: October
                ),
                [CandidateRule.LaterFigureBySameVoice]
            },
            {
                "a later figure by another voice that can hold with the first is nothing",
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 1),
                    measure: Ferried,
                    figure: AtLeast(120),
                    period: October
                ),
                Claim(
                    Seoul,
                    stated: PartialDate.Day(2024, 10, 8),
                    measure: Ferried,
                    figure: AtLeast(150),
                    period: October
                ),
                []
            },
            {
                "the same voice's later figure on another measure is not an update",
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 1),
                    measure: Ferried,
                    figure: AtLeast(120),
                    period: October
                ),
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 8),
                    measure: Training,
                    figure: AtLeast(150),
                    period: October
                ),
                []
            },
            {
                "the same voice's later figure for a period that does not overlap is not an update",
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 1),
                    measure: Ferried,
                    figure: AtLeast(120),
                    period: October
                ),
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 12, 8),
                    measure: Ferried,
                    figure: AtLeast(150),
                    period: December
                ),
                []
            },
            {
                "a hedge with a figure is not a contradiction: as many as 300 cannot be ruled out against at least 10,000",
                Claim(Seoul, Stance.Hedges, measure: Ferried, figure: AtMost(300), period: October),
                Claim(
                    Kyiv,
                    stated: PartialDate.Day(2024, 10, 20),
                    measure: Ferried,
                    figure: AtLeast(10_000),
                    period: October
                ),
                []
            },
            {
                "nor is a hedge by the same voice an update or an inconsistent report",
                Claim(Seoul, measure: Ferried, figure: AtLeast(10_000), period: October),
                Claim(Seoul, Stance.Hedges, measure: Ferried, figure: AtMost(300), period: October),
                []
            },
            {
                "a denial made on 8 May does not deny events reported for 20-25 May",
                Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 5, 8)),
                Claim(Seoul, stated: PartialDate.Day(2024, 5, 26), period: TwentyToTwentyFifthMay),
                []
            },
            {
                "a denial made on 26 May does deny events reported for 20-25 May",
                Claim(Seoul, stated: PartialDate.Day(2024, 5, 25), period: TwentyToTwentyFifthMay),
                Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 5, 26)),
                [CandidateRule.OpposedStances]
            },
            {
                "a denial made in May (month only) may have been made after events starting 20 May: paired",
                Claim(Kremlin, Stance.Denies, PartialDate.Month(2024, 5)),
                Claim(Seoul, stated: PartialDate.Day(2024, 5, 26), period: TwentyToTwentyFifthMay),
                [CandidateRule.OpposedStances]
            },
            {
                "a denial before an affirmation with no event period is paired (the affirmation may concern earlier events)",
                Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 5, 8)),
                Claim(Seoul, stated: PartialDate.Day(2024, 5, 26)),
                [CandidateRule.OpposedStances]
            },
            {
                "draft claims are not proposed",
                Claim(Seoul),
                Claim(Kremlin, Stance.Denies, status: ClaimStatus.Draft),
                []
            },
            {
                "retracted claims are not proposed",
                Claim(Seoul, status: ClaimStatus.Retracted),
                Claim(Kremlin, Stance.Denies),
                []
            },
            {
                "a denial that also gives an incompatible figure is both",
                Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
                Claim(
                    Kremlin,
                    Stance.Denies,
                    PartialDate.Day(2024, 10, 20),
                    measure: Ferried,
                    figure: Quantity.Create(0, null, QuantityQualifier.Exact),
                    period: October
                ),
                [CandidateRule.OpposedStances, CandidateRule.IncompatibleFigures]
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule(string why, ClaimFacts first, ClaimFacts second, CandidateRule[] expected)
    {
        var found = ContradictionCandidates.Find([second, first]);

        found.Select(c => c.Rule).Should().BeEquivalentTo(expected, why);
        if (first.StatedOn.Earliest != second.StatedOn.Earliest)
        {
            found
                .Where(c => c.First != first.Id || c.Second != second.Id)
                .Should()
                .BeEmpty("the earlier statement comes first");
        }
        else
        {
            found
                .Where(c => !new[] { c.First, c.Second }.ToHashSet().SetEquals([first.Id, second.Id]))
                .Should()
                .BeEmpty("on one day the order is by id");
        }
    }

    [Fact]
    public void ASpokesmanSpeaksWithTheVoiceOfTheBodyHeSpeaksFor()
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("Soldiers", "soldiers");
        var kremlin = Make.Actor("Kremlin");
        var peskov = Make.Actor("Dmitry Peskov");
        var early = Domain.Claims.Claim.Create(
            Make.NewClaim(proposition, kremlin) with
            {
                StatedOn = PartialDate.Day(2024, 10, 1),
                Measure = measure,
                Quantity = Quantity.Exactly(0),
                EventPeriod = October,
                Status = ClaimStatus.Published,
            },
            Make.Now.AddMonths(1)
        );
        var later = Domain.Claims.Claim.Create(
            Make.NewClaim(proposition, peskov) with
            {
                OnBehalfOf = kremlin,
                StatedOn = PartialDate.Day(2024, 10, 24),
                Measure = measure,
                Quantity = Quantity.Exactly(3000),
                EventPeriod = October,
                Status = ClaimStatus.Published,
            },
            Make.Now.AddMonths(1)
        );

        var found = ContradictionCandidates.Find([ClaimFacts.Of(early), ClaimFacts.Of(later)]);

        found
            .Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    Rule = CandidateRule.LaterFigureBySameVoice,
                    First = early.Id,
                    Second = later.Id,
                }
            );
        found[0].Proposes.Should().Be(RelationType.Supersedes);
    }

    /// <summary>Voices worked out from real claims: who spoke, for whom, and whether the speaker is a collective
    /// source.</summary>
    public static TheoryData<string, string, string?, string, string?, bool, CandidateRule[]> VoiceCases =>
        new()
        {
            // why, first speaker, first on behalf of, second speaker, second on behalf of, collective speakers,
            // expected
            {
                "two spokesmen for one ministry speak with one voice: a later figure is an update",
                "Kim",
                "Ministry",
                "Shin",
                "Ministry",
                false,
                [CandidateRule.LaterFigureBySameVoice]
            },
            {
                "a spokesman in his personal capacity is a voice of his own: the figures are compared across voices",
                "Kim",
                "Ministry",
                "Kim",
                null,
                false,
                []
            },
            {
                "the same person once for the ministry, once for himself, with incompatible figures: a contradiction",
                "Kim",
                "Ministry",
                "Kim",
                null,
                false,
                [CandidateRule.IncompatibleFigures]
            },
            {
                "an unidentified account is not one voice: its later figure is not an update",
                "Account",
                null,
                "Account",
                null,
                true,
                []
            },
            {
                "an unidentified account's incompatible figures are compared like any two voices",
                "Account",
                null,
                "Account",
                null,
                true,
                [CandidateRule.IncompatibleFigures]
            },
            {
                "nor do its same-day incompatible figures make inconsistent reports of one voice",
                "Account",
                null,
                "Account",
                null,
                true,
                [CandidateRule.IncompatibleFigures]
            },
        };

    [Theory]
    [MemberData(nameof(VoiceCases))]
    public void Voice(
        string why,
        string firstSpeaker,
        string? firstFor,
        string secondSpeaker,
        string? secondFor,
        bool collective,
        CandidateRule[] expected
    )
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("Soldiers", "soldiers");
        var actors = new[] { "Kim", "Shin", "Ministry", "Account" }.ToDictionary(
            n => n,
            n =>
                Domain.Actors.Actor.Create(
                    n,
                    Domain.Actors.ActorKind.Person,
                    "KR",
                    isCollective: collective && n == "Account"
                )
        );
        var incompatible =
            why.Contains("incompatible", StringComparison.Ordinal)
            || why.Contains("contradiction", StringComparison.Ordinal);
        var sameDay = why.Contains("same-day", StringComparison.Ordinal);
        Claim Make1(string speaker, string? forWhom, PartialDate stated, decimal figure) =>
            Domain.Claims.Claim.Create(
                Make.NewClaim(proposition, actors[speaker]) with
                {
                    OnBehalfOf = forWhom is null ? null : actors[forWhom],
                    StatedOn = stated,
                    Measure = measure,
                    EventPeriod = October,
                    Quantity = Quantity.Create(figure, null, QuantityQualifier.AtLeast),
                    Status = ClaimStatus.Published,
                },
                Make.Now.AddMonths(1)
            );
        var first = Make1(firstSpeaker, firstFor, PartialDate.Day(2024, 10, 1), 120);
        var second = incompatible
            ? Domain.Claims.Claim.Create(
                Make.NewClaim(proposition, actors[secondSpeaker]) with
                {
                    OnBehalfOf = secondFor is null ? null : actors[secondFor],
                    StatedOn = sameDay ? PartialDate.Day(2024, 10, 1) : PartialDate.Day(2024, 10, 8),
                    Measure = measure,
                    EventPeriod = October,
                    Quantity = Quantity.Create(50, null, QuantityQualifier.AtMost),
                    Status = ClaimStatus.Published,
                },
                Make.Now.AddMonths(1)
            )
            : Make1(
                secondSpeaker,
                secondFor,
                sameDay ? PartialDate.Day(2024, 10, 1) : PartialDate.Day(2024, 10, 8),
                150
            );
        var collectives = actors.Values.Where(a => a.IsCollective).Select(a => a.Id).ToHashSet();

        var found = ContradictionCandidates.Find([
            ClaimFacts.Of(first, collectives),
            ClaimFacts.Of(second, collectives),
        ]);

        found.Select(c => c.Rule).Should().BeEquivalentTo(expected, why);
    }

    [Fact]
    public void AnInconsistentReportIsConfirmedAsAContradictionAndAnUpdateAsSupersedes()
    {
        new Candidate(Guid.NewGuid(), Guid.NewGuid(), CandidateRule.InconsistentReportsOfOneVoice, "x")
            .Proposes.Should()
            .Be(RelationType.Contradicts);
        new Candidate(Guid.NewGuid(), Guid.NewGuid(), CandidateRule.LaterFigureBySameVoice, "x")
            .Proposes.Should()
            .Be(RelationType.Supersedes);
    }

    [Theory]
    [InlineData(120, "an update")]
    [InlineData(40, "a revision")]
    public void TheReasonCallsALaterFigureAnUpdateOrARevision(decimal atMostOrAtLeast, string expected)
    {
        var first = Claim(
            Kyiv,
            stated: PartialDate.Day(2024, 10, 1),
            measure: Ferried,
            figure: AtLeast(100),
            period: October
        );
        var second = Claim(
            Kyiv,
            stated: PartialDate.Day(2024, 10, 8),
            measure: Ferried,
            figure: atMostOrAtLeast > 100 ? AtLeast(atMostOrAtLeast) : AtMost(atMostOrAtLeast),
            period: October
        );

        ContradictionCandidates
            .Find([first, second])
            .Should()
            .ContainSingle()
            .Which.Reason.Should()
            .EndWith(expected + ".");
    }
}
