using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;

namespace ConflictTracker.Domain.Tests.Relations;

/// <summary>Each candidate rule and each exception of docs/rules/contradictions.md, on small constructed cases.</summary>
public class ContradictionCandidatesTests
{
    private static readonly Guid Deployment = Guid.NewGuid();
    private static readonly Guid Seoul = Guid.NewGuid();
    private static readonly Guid Kremlin = Guid.NewGuid();
    private static readonly Guid Kyiv = Guid.NewGuid();
    private static readonly Guid Ferried = Guid.NewGuid();
    private static readonly Guid Training = Guid.NewGuid();

    private static readonly EventPeriod EightToThirteenOctober = EventPeriod.Create(PartialDate.Day(2024, 10, 8), PartialDate.Day(2024, 10, 13));
    private static readonly EventPeriod October = EventPeriod.Create(PartialDate.Month(2024, 10));
    private static readonly EventPeriod December = EventPeriod.Create(PartialDate.Month(2024, 12));

    private static ClaimFacts Claim(
        Guid voice, Stance stance = Stance.Affirms, PartialDate? stated = null, Guid? measure = null, Quantity? figure = null,
        EventPeriod? period = null, ClaimStatus status = ClaimStatus.Published, Guid? proposition = null) =>
        new(Guid.NewGuid(), proposition ?? Deployment, voice, stance, stated ?? PartialDate.Day(2024, 10, 18), period, measure, figure?.ImpliedInterval, status);

    private static Quantity Nearly(decimal value) => Quantity.Create(value, null, QuantityQualifier.Nearly);

    private static Quantity AtLeast(decimal value) => Quantity.Create(value, null, QuantityQualifier.AtLeast);

    private static Quantity About(decimal value) => Quantity.Create(value, null, QuantityQualifier.Approximately);

    public static TheoryData<string, ClaimFacts, ClaimFacts, CandidateRule[]> Cases => new()
    {
        { "the Kremlin's denial against Seoul's affirmation", Claim(Seoul), Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 10, 19)), [CandidateRule.OpposedStances] },
        { "a denial before an affirmation is the same contradiction", Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 10, 1)), Claim(Seoul), [CandidateRule.OpposedStances] },
        { "a hedge against an affirmation is not a contradiction", Claim(Seoul, Stance.Hedges, PartialDate.Day(2024, 10, 8)), Claim(Kyiv), [] },
        { "a neutral report against a denial is not a contradiction", Claim(Seoul, Stance.Neutral), Claim(Kremlin, Stance.Denies), [] },
        { "claims on different propositions never contradict", Claim(Seoul), Claim(Kremlin, Stance.Denies, proposition: Guid.NewGuid()), [] },
        {
            "nearly 1,500 against at least 10,000 for the same week",
            Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: EightToThirteenOctober),
            Claim(Kyiv, stated: PartialDate.Day(2024, 10, 20), measure: Ferried, figure: AtLeast(10_000), period: EightToThirteenOctober),
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
            Claim(Seoul, stated: PartialDate.Day(2024, 12, 1), measure: Ferried, figure: Nearly(1500), period: EventPeriod.Create(PartialDate.Month(2023, 6))),
            Claim(Kyiv, stated: PartialDate.Day(2024, 12, 2), measure: Ferried, figure: AtLeast(10_000)),
            []
        },
        {
            "the same voice's later figure is a supersedes candidate, not a contradiction",
            Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
            Claim(Seoul, stated: PartialDate.Day(2024, 11, 5), measure: Ferried, figure: AtLeast(10_000), period: October),
            [CandidateRule.LaterFigureBySameVoice]
        },
        {
            "the same voice on the same day: no later figure to prefer",
            Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
            Claim(Seoul, measure: Ferried, figure: AtLeast(10_000), period: October),
            []
        },
        { "draft claims are not proposed", Claim(Seoul), Claim(Kremlin, Stance.Denies, status: ClaimStatus.Draft), [] },
        { "retracted claims are not proposed", Claim(Seoul, status: ClaimStatus.Retracted), Claim(Kremlin, Stance.Denies), [] },
        {
            "a denial that also gives an incompatible figure is both",
            Claim(Seoul, measure: Ferried, figure: Nearly(1500), period: October),
            Claim(Kremlin, Stance.Denies, PartialDate.Day(2024, 10, 20), measure: Ferried, figure: Quantity.Create(0, null, QuantityQualifier.Exact), period: October),
            [CandidateRule.OpposedStances, CandidateRule.IncompatibleFigures]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule(string why, ClaimFacts first, ClaimFacts second, CandidateRule[] expected)
    {
        var found = ContradictionCandidates.Find([second, first]);

        found.Select(c => c.Rule).Should().BeEquivalentTo(expected, why);
        found.Where(c => c.First != first.Id || c.Second != second.Id).Should().BeEmpty("the earlier statement comes first");
    }

    [Fact]
    public void ASpokesmanSpeaksWithTheVoiceOfTheBodyHeSpeaksFor()
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("Soldiers", "soldiers");
        var kremlin = Make.Actor("Kremlin");
        var peskov = Make.Actor("Dmitry Peskov");
        var early = Domain.Claims.Claim.Create(Make.NewClaim(proposition, kremlin) with
        {
            StatedOn = PartialDate.Day(2024, 10, 1), Measure = measure, Quantity = Quantity.Exactly(0), EventPeriod = October, Status = ClaimStatus.Published,
        }, Make.Now.AddMonths(1));
        var later = Domain.Claims.Claim.Create(Make.NewClaim(proposition, peskov) with
        {
            OnBehalfOf = kremlin, StatedOn = PartialDate.Day(2024, 10, 24), Measure = measure, Quantity = Quantity.Exactly(3000), EventPeriod = October, Status = ClaimStatus.Published,
        }, Make.Now.AddMonths(1));

        var found = ContradictionCandidates.Find([ClaimFacts.Of(early), ClaimFacts.Of(later)]);

        found.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Rule = CandidateRule.LaterFigureBySameVoice, First = early.Id, Second = later.Id });
        found[0].Proposes.Should().Be(RelationType.Supersedes);
    }
}
