using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Domain.Relations;

/// <summary>What the candidate rules need to know of one claim.</summary>
/// <param name="Voice">Who is speaking: the body the claim was made on behalf of, else the asserting actor (Peskov
/// speaks as the Kremlin).</param>
public sealed record ClaimFacts(
    Guid Id,
    Guid PropositionId,
    Guid Voice,
    Stance Stance,
    PartialDate StatedOn,
    EventPeriod? EventPeriod,
    Guid? MeasureId,
    ImpliedInterval? Interval,
    ClaimStatus Status
)
{
    /// <param name="collective">Actors marked collective or unidentified (<see cref="Actors.Actor.IsCollective"/>);
    /// only those among the claim's actors matter.</param>
    public static ClaimFacts Of(Claim claim, IReadOnlySet<Guid>? collective = null) =>
        new(
            claim.Id,
            claim.PropositionId,
            VoiceOf(claim, collective),
            claim.Stance,
            claim.StatedOn,
            claim.EventPeriod,
            claim.MeasureId,
            claim.Quantity?.ImpliedInterval,
            claim.Status
        );

    /// <summary>
    /// Who is speaking (docs/rules/origin-counting.md, "Voices"): the body the claim was made on behalf
    /// of, else the asserting actor; when that actor is collective or unidentified, the claim's own id,
    /// so that it shares its voice with no other claim.
    /// </summary>
    public static Guid VoiceOf(Claim claim, IReadOnlySet<Guid>? collective) =>
        VoiceOf(claim.Id, claim.OnBehalfOfId, claim.AssertedById, collective);

    public static Guid VoiceOf(Guid claimId, Guid? onBehalfOfId, Guid assertedById, IReadOnlySet<Guid>? collective)
    {
        var speaker = onBehalfOfId ?? assertedById;
        return collective is not null && collective.Contains(speaker) ? claimId : speaker;
    }
}

public enum CandidateRule
{
    /// <summary>One claim affirms the proposition, the other denies it.</summary>
    OpposedStances,

    /// <summary>Figures on the same measure, for overlapping event periods, whose implied intervals cannot both
    /// hold.</summary>
    IncompatibleFigures,

    /// <summary>
    /// The same voice gives a later figure for the same measure and an overlapping period: the later claim
    /// may supersede the earlier (an <em>update</em> when the figures can both hold, a <em>revision</em> when not).
    /// </summary>
    LaterFigureBySameVoice,

    /// <summary>
    /// The same voice's figures for the same measure and an overlapping period cannot both hold, and
    /// neither statement is strictly later (the same day, or a year-only date against a day in that
    /// year): one of the reports likely misreports what was said. Confirmed as <see cref="RelationType.Contradicts"/>.
    /// </summary>
    InconsistentReportsOfOneVoice,
}

/// <summary>
/// A pair of claims the system proposes to a reviewer. <see cref="First"/> is the earlier statement
/// (for <see cref="CandidateRule.LaterFigureBySameVoice"/>, <see cref="Second"/> is the one that would supersede).
/// </summary>
public sealed record Candidate(Guid First, Guid Second, CandidateRule Rule, string Reason)
{
    /// <summary>The relation a confirmed candidate becomes.</summary>
    public RelationType Proposes =>
        Rule == CandidateRule.LaterFigureBySameVoice ? RelationType.Supersedes : RelationType.Contradicts;
}

/// <summary>
/// Works out which pairs of claims may contradict each other (docs/rules/contradictions.md). Pure:
/// given the claims, the same candidates come out, so they can be recomputed whenever a claim changes.
/// </summary>
public static class ContradictionCandidates
{
    public static IReadOnlyList<Candidate> Find(IEnumerable<ClaimFacts> claims)
    {
        var candidates = new List<Candidate>();
        foreach (var group in claims.Where(c => c.Status == ClaimStatus.Published).GroupBy(c => c.PropositionId))
        {
            // Earlier statement first, so every pair is considered once and in reading order.
            var ordered = group.OrderBy(c => c.StatedOn.Earliest).ThenBy(c => c.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    if (MayPair(ordered[i], ordered[j]))
                    {
                        candidates.AddRange(Between(ordered[i], ordered[j]));
                    }
                }
            }
        }

        return candidates;
    }

    /// <summary>
    /// The candidates that involve at least one of the <paramref name="changed"/> claims: what must be
    /// worked out again after those claims were saved. Same result as filtering <see cref="Find"/>, in
    /// time proportional to claims × changed rather than claims².
    /// </summary>
    public static IReadOnlyList<Candidate> Involving(IEnumerable<ClaimFacts> claims, IReadOnlySet<Guid> changed)
    {
        var candidates = new List<Candidate>();
        foreach (var group in claims.Where(c => c.Status == ClaimStatus.Published).GroupBy(c => c.PropositionId))
        {
            var all = group.ToList();
            foreach (var c in all.Where(c => changed.Contains(c.Id)))
            {
                foreach (var other in all)
                {
                    // A pair of two changed claims is taken once, from the one with the smaller id.
                    if (
                        !MayPair(c, other)
                        || other.Id == c.Id
                        || (changed.Contains(other.Id) && other.Id.CompareTo(c.Id) < 0)
                    )
                    {
                        continue;
                    }

                    candidates.AddRange(ReadingOrder(c, other) ? Between(c, other) : Between(other, c));
                }
            }
        }

        return candidates;
    }

    /// <summary>The candidates for one pair (at most one per rule); <paramref name="earlier"/> was stated no later than
    /// <paramref name="later"/>.</summary>
    public static IEnumerable<Candidate> Between(ClaimFacts earlier, ClaimFacts later)
    {
        if (earlier.PropositionId != later.PropositionId || earlier.Id == later.Id)
        {
            yield break;
        }

        if (IsOpposed(earlier.Stance, later.Stance) && DenialCanConcern(earlier, later))
        {
            yield return new Candidate(
                earlier.Id,
                later.Id,
                CandidateRule.OpposedStances,
                $"One {Words(earlier.Stance)} and the other {Words(later.Stance)} the same proposition."
            );
        }

        // A hedge ("as many as 300 cannot be ruled out") does not assert its figure, so it takes no part
        // in the figure rules, as it takes none in the stance rule.
        var p = When(earlier);
        var q = When(later);
        if (
            earlier.Stance == Stance.Hedges
            || later.Stance == Stance.Hedges
            || earlier.MeasureId is not { } measure
            || later.MeasureId != measure
            || earlier.Interval is not { } a
            || later.Interval is not { } b
            || !p.Overlaps(q)
        )
        {
            yield break;
        }

        var compatible = a.Overlaps(b);
        if (earlier.Voice == later.Voice)
        {
            if (later.StatedOn.Earliest > earlier.StatedOn.Latest)
            {
                // The same voice speaking again is the newer word on its own figure: an update when
                // the figures can both hold, a revision when they cannot.
                var what = compatible ? "an update" : "a revision";
                yield return new Candidate(
                    earlier.Id,
                    later.Id,
                    CandidateRule.LaterFigureBySameVoice,
                    $"The same voice said {b} on {later.StatedOn} after {a} on {earlier.StatedOn} for overlapping periods: {what}."
                );
            }
            else if (!compatible)
            {
                // No strict "later" (the same day, or a year against a day in it): the voice cannot
                // have said both; one report of it is likely wrong.
                yield return new Candidate(
                    earlier.Id,
                    later.Id,
                    CandidateRule.InconsistentReportsOfOneVoice,
                    $"The same voice is reported as saying {a} ({earlier.StatedOn}) and {b} ({later.StatedOn}) for overlapping periods, with neither statement later: one report likely misreports it; compare the sources carrying each."
                );
            }

            yield break;
        }

        if (!compatible)
        {
            yield return new Candidate(
                earlier.Id,
                later.Id,
                CandidateRule.IncompatibleFigures,
                $"{a} and {b} cannot both hold for overlapping periods ({p}; {q})."
            );
        }
    }

    /// <summary>
    /// A denial stated on day D can only deny what was reported to happen by D: it pairs with an
    /// affirmation whose event period may start on or before D (or that has none), never with one
    /// about events that begin after it was made. Partial dates give the benefit of the doubt: the
    /// earliest day the period may start against the last day the denial may have been made.
    /// </summary>
    public static bool DenialCanConcern(ClaimFacts x, ClaimFacts y)
    {
        var (denial, affirmation) = x.Stance == Stance.Denies ? (x, y) : (y, x);
        return affirmation.EventPeriod is not { } period || period.Start.Earliest <= denial.StatedOn.Latest;
    }

    /// <summary>Whether <paramref name="x"/> comes first: stated earlier, or on the same day with the smaller id (the
    /// order <see cref="Find"/> uses).</summary>
    public static bool ReadingOrder(ClaimFacts x, ClaimFacts y) =>
        x.StatedOn.Earliest != y.StatedOn.Earliest
            ? x.StatedOn.Earliest < y.StatedOn.Earliest
            : x.Id.CompareTo(y.Id) < 0;

    /// <summary>
    /// The time a figure describes: its event period, or, when the editor recorded none, the span of
    /// its statement date (a report in the present tense: "hundreds are training there").
    /// </summary>
    public static EventPeriod When(ClaimFacts claim) => claim.EventPeriod ?? EventPeriod.Create(claim.StatedOn);

    /// <summary>
    /// A cheap test that passes every pair <see cref="Between"/> can return a candidate for (opposed
    /// stances, or figures on one measure): the rest are skipped without building the pair, which keeps
    /// a proposition of tens of thousands of claims to seconds.
    /// </summary>
    private static bool MayPair(ClaimFacts x, ClaimFacts y) =>
        IsOpposed(x.Stance, y.Stance)
        || (x.MeasureId is { } measure && y.MeasureId == measure && x.Interval is not null && y.Interval is not null);

    private static bool IsOpposed(Stance x, Stance y) =>
        (x == Stance.Affirms && y == Stance.Denies) || (x == Stance.Denies && y == Stance.Affirms);

    private static string Words(Stance stance) => stance.ToString().ToLowerInvariant();
}
