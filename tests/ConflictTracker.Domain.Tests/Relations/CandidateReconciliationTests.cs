using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;

namespace ConflictTracker.Domain.Tests.Relations;

/// <summary>Keeping stored candidates in step with the claims, and the dismissal memory
/// (docs/rules/contradictions.md).</summary>
public class CandidateReconciliationTests
{
    private static readonly Guid Deployment = Guid.NewGuid();
    private static readonly Guid Seoul = Guid.NewGuid();
    private static readonly Guid Kremlin = Guid.NewGuid();
    private static readonly DateTimeOffset Monday = new(2024, 10, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static ClaimFacts Facts(
        Guid id,
        Guid voice,
        Stance stance,
        int day,
        ClaimStatus status = ClaimStatus.Published
    ) => new(id, Deployment, voice, stance, PartialDate.Day(2024, 10, day), null, null, null, status);

    private static ClaimSnapshot Snap(ClaimFacts facts, string summary = "as first worded") =>
        new(facts, ClaimFingerprint.Of(facts, summary, null));

    private readonly Guid nis = Guid.NewGuid();
    private readonly Guid peskov = Guid.NewGuid();

    private ClaimSnapshot Nis(string summary = "as first worded", ClaimStatus status = ClaimStatus.Published) =>
        Snap(Facts(nis, Seoul, Stance.Affirms, 18, status), summary);

    private ClaimSnapshot Peskov(string summary = "as first worded", int day = 19) =>
        Snap(Facts(peskov, Kremlin, Stance.Denies, day), summary);

    private static ReconciliationResult Run(
        IEnumerable<ClaimSnapshot> claims,
        IEnumerable<Guid> changed,
        IEnumerable<ContradictionCandidate> stored,
        DateTimeOffset at
    ) => CandidateReconciliation.Reconcile(claims.ToList(), changed.ToHashSet(), stored.ToList(), at);

    private ContradictionCandidate FoundOnMonday()
    {
        var result = Run([Nis(), Peskov()], [nis, peskov], [], Monday);
        return result.Added.Should().ContainSingle().Subject;
    }

    [Fact]
    public void ANewPairEntersTheQueueOpenWithTheTimeItWasFound()
    {
        var candidate = FoundOnMonday();

        candidate.State.Should().Be(CandidateState.Open);
        candidate.FoundAt.Should().Be(Monday);
        candidate.Rule.Should().Be(CandidateRule.OpposedStances);
        (candidate.FirstClaimId, candidate.SecondClaimId).Should().Be((nis, peskov));
    }

    [Fact]
    public void RunningAgainOnUnchangedClaimsChangesNothing()
    {
        var candidate = FoundOnMonday();

        var again = Run([Nis(), Peskov()], [peskov], [candidate], Tuesday);

        again.Added.Should().BeEmpty();
        again.Changed.Should().Be(0);
        candidate.FoundAt.Should().Be(Monday, "its age in the queue runs from when it was first found");
    }

    [Fact]
    public void ADismissedCandidateStaysDismissedWhileNeitherClaimChanges()
    {
        var candidate = FoundOnMonday();
        candidate.Dismiss("rui@example.org", "Peskov denies a different deployment", Monday);

        var again = Run([Nis(), Peskov()], [nis], [candidate], Tuesday);

        again.Added.Should().BeEmpty();
        again.Changed.Should().Be(0);
        candidate.State.Should().Be(CandidateState.Dismissed);
        candidate.DecisionNote.Should().Be("Peskov denies a different deployment");
    }

    [Fact]
    public void ADismissedCandidateComesBackWhenOneOfItsClaimsChanges()
    {
        var candidate = FoundOnMonday();
        candidate.Dismiss("rui@example.org", "not the same deployment", Monday);

        var again = Run(
            [Nis(), Peskov("Peskov: 'another fake', said of the Kursk deployment")],
            [peskov],
            [candidate],
            Tuesday
        );

        again.Changed.Should().Be(1);
        candidate.State.Should().Be(CandidateState.Open);
        candidate.FoundAt.Should().Be(Tuesday);
        candidate.DecidedBy.Should().BeNull();
    }

    [Fact]
    public void AnOpenCandidateLapsesWhenItsClaimIsRetractedAndReturnsWhenRestored()
    {
        var candidate = FoundOnMonday();

        var retracted = Run([Peskov()], [nis], [candidate], Tuesday);

        retracted.Changed.Should().Be(1);
        candidate.State.Should().Be(CandidateState.Lapsed);

        var restored = Run([Nis(), Peskov()], [nis], [candidate], Tuesday.AddDays(1));

        restored.Added.Should().BeEmpty("the stored candidate is reused, not duplicated");
        candidate.State.Should().Be(CandidateState.Open);
        candidate.FoundAt.Should().Be(Tuesday.AddDays(1));
    }

    [Fact]
    public void ADecisionStandsWhenTheRulesNoLongerProduceTheCandidate()
    {
        var candidate = FoundOnMonday();
        candidate.Dismiss("rui@example.org", "not the same deployment", Monday);

        Run([Peskov()], [nis], [candidate], Tuesday).Changed.Should().Be(0);

        candidate.State.Should().Be(CandidateState.Dismissed);
    }

    [Fact]
    public void AConfirmedCandidateStaysConfirmedWhateverChanges()
    {
        var candidate = FoundOnMonday();
        candidate.Confirm(ConfirmedRelation(candidate), "rui@example.org", null, Monday);

        Run([Nis("reworded"), Peskov()], [nis], [candidate], Tuesday).Changed.Should().Be(0);

        candidate.State.Should().Be(CandidateState.Confirmed);
    }

    [Fact]
    public void AnEditedDateThatSwapsTheOrderUpdatesTheSameCandidate()
    {
        var candidate = FoundOnMonday();

        var swapped = Run([Nis(), Peskov(day: 10)], [peskov], [candidate], Tuesday);

        swapped.Added.Should().BeEmpty();
        (candidate.FirstClaimId, candidate.SecondClaimId).Should().Be((peskov, nis));
        candidate.State.Should().Be(CandidateState.Open);
    }

    [Fact]
    public void OnlyPairsInvolvingAChangedClaimAreWorkedOut()
    {
        var other = Snap(Facts(Guid.NewGuid(), Guid.NewGuid(), Stance.Denies, 20));

        var result = Run([Nis(), Peskov(), other], [peskov], [], Monday);

        result
            .Added.Should()
            .ContainSingle()
            .Which.SecondClaimId.Should()
            .Be(peskov, "NIS against the other denial is not involved");
    }

    [Fact]
    public void InvolvingGivesWhatFindGivesForThosePairs()
    {
        var random = new Random(7);
        var voices = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var measure = Guid.NewGuid();
        var claims = Enumerable
            .Range(0, 40)
            .Select(_ => new ClaimFacts(
                Guid.NewGuid(),
                Deployment,
                voices[random.Next(voices.Count)],
                (Stance)random.Next(4),
                PartialDate.Day(2024, 10, random.Next(1, 6)),
                EventPeriod.Create(
                    PartialDate.Day(2024, 10, random.Next(1, 4)),
                    PartialDate.Day(2024, 10, random.Next(4, 8))
                ),
                measure,
                Quantity.Create(random.Next(1, 5) * 1000, null, (QuantityQualifier)random.Next(3)).ImpliedInterval,
                ClaimStatus.Published
            ))
            .ToList();
        var changed = claims.Where((_, i) => i % 3 == 0).Select(c => c.Id).ToHashSet();

        var involving = ContradictionCandidates.Involving(claims, changed);
        var expected = ContradictionCandidates
            .Find(claims)
            .Where(c => changed.Contains(c.First) || changed.Contains(c.Second));

        involving.Should().BeEquivalentTo(expected);
        involving.Should().NotBeEmpty();
    }

    [Fact]
    public void DismissingNeedsAReasonAndAnOpenCandidate()
    {
        var candidate = FoundOnMonday();

        candidate
            .Invoking(c => c.Dismiss("rui@example.org", " ", Monday))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Should()
            .ContainKey(nameof(ContradictionCandidate.DecisionNote));

        candidate.Dismiss("rui@example.org", "different deployments", Monday);
        candidate
            .Invoking(c => c.Dismiss("ana@example.org", "again", Tuesday))
            .Should()
            .Throw<DomainValidationException>()
            .WithMessage("*already dismissed by rui@example.org*");
    }

    [Fact]
    public void ALapsedCandidateCannotBeDecided()
    {
        var candidate = FoundOnMonday();
        Run([Peskov()], [nis], [candidate], Tuesday);

        candidate
            .Invoking(c => c.Dismiss("rui@example.org", "no", Tuesday))
            .Should()
            .Throw<DomainValidationException>()
            .WithMessage("*no longer holds*");
    }

    [Fact]
    public void ConfirmingNeedsAConfirmedRelationOfTheProposedTypeBetweenTheSameClaims()
    {
        var candidate = FoundOnMonday();
        var (first, second) = Claims(candidate);
        var corroborates = ClaimRelation.Propose(
            second,
            first,
            RelationType.Corroborates,
            "wrong type",
            "rules",
            Monday
        );
        corroborates.Review(ReviewState.Confirmed, "rui@example.org", null, Monday);
        var unconfirmed = ClaimRelation.Propose(
            second,
            first,
            RelationType.Contradicts,
            "not yet reviewed",
            "rules",
            Monday
        );

        candidate
            .Invoking(c => c.Confirm(corroborates, "rui@example.org", null, Monday))
            .Should()
            .Throw<DomainValidationException>();
        candidate
            .Invoking(c => c.Confirm(unconfirmed, "rui@example.org", null, Monday))
            .Should()
            .Throw<DomainValidationException>();

        var relation = ConfirmedRelation(candidate);
        candidate.Confirm(relation, "rui@example.org", "the denial answers this very report", Monday);
        candidate.State.Should().Be(CandidateState.Confirmed);
        candidate.RelationId.Should().Be(relation.Id);
    }

    [Fact]
    public void TheFingerprintIgnoresNothingTheRulesReadAndReadsTheWording()
    {
        var facts = Facts(nis, Seoul, Stance.Affirms, 18);
        var fingerprint = ClaimFingerprint.Of(facts, "summary", null);

        ClaimFingerprint.Of(facts, "summary", null).Should().Be(fingerprint);
        ClaimFingerprint.Of(facts with { Stance = Stance.Hedges }, "summary", null).Should().NotBe(fingerprint);
        ClaimFingerprint
            .Of(facts with { StatedOn = PartialDate.Month(2024, 10) }, "summary", null)
            .Should()
            .NotBe(fingerprint);
        ClaimFingerprint
            .Of(facts with { Interval = new ImpliedInterval(1350, 1500) }, "summary", null)
            .Should()
            .NotBe(fingerprint);
        ClaimFingerprint.Of(facts, "summary reworded", null).Should().NotBe(fingerprint);
        ClaimFingerprint.Of(facts, "summary", "a quote").Should().NotBe(fingerprint);
    }

    /// <summary>A figure as written (1500) and as read back from numeric(_, 4) (1500.0000) is one figure.</summary>
    [Fact]
    public void TheFingerprintReadsAFiguresValueNotItsScale()
    {
        var facts = Facts(nis, Seoul, Stance.Affirms, 18);
        var written = ClaimFingerprint.Of(facts with { Interval = new ImpliedInterval(1350m, 1500m) }, "summary", null);

        ClaimFingerprint
            .Of(facts with { Interval = new ImpliedInterval(1350.0000m, 1500.0000m) }, "summary", null)
            .Should()
            .Be(written);
        ClaimFingerprint
            .Of(facts with { Interval = new ImpliedInterval(1350.5m, 1500m) }, "summary", null)
            .Should()
            .NotBe(written);
    }

    private static (Claim First, Claim Second) Claims(ContradictionCandidate candidate)
    {
        var proposition = Make.Proposition();
        var first = Claim.Create(Make.NewClaim(proposition, Make.Actor("NIS")), Monday, candidate.FirstClaimId);
        var second = Claim.Create(
            Make.NewClaim(proposition, Make.Actor("Peskov"), Stance.Denies),
            Monday,
            candidate.SecondClaimId
        );
        return (first, second);
    }

    private static ClaimRelation ConfirmedRelation(ContradictionCandidate candidate)
    {
        var (first, second) = Claims(candidate);
        var relation = ClaimRelation.Propose(
            second,
            first,
            RelationType.Contradicts,
            candidate.Reason,
            "contradiction rules",
            Monday
        );
        relation.Review(ReviewState.Confirmed, "rui@example.org", null, Monday);
        return relation;
    }
}
