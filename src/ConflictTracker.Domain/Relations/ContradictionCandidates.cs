using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Domain.Relations;

/// <summary>What the candidate rules need to know of one claim.</summary>
/// <param name="Voice">Who is speaking: the body the claim was made on behalf of, else the asserting actor (Peskov speaks as the Kremlin).</param>
public sealed record ClaimFacts(
    Guid Id,
    Guid PropositionId,
    Guid Voice,
    Stance Stance,
    PartialDate StatedOn,
    EventPeriod? EventPeriod,
    Guid? MeasureId,
    ImpliedInterval? Interval,
    ClaimStatus Status)
{
    public static ClaimFacts Of(Claim claim) => new(
        claim.Id, claim.PropositionId, claim.OnBehalfOfId ?? claim.AssertedById, claim.Stance, claim.StatedOn,
        claim.EventPeriod, claim.MeasureId, claim.Quantity?.ImpliedInterval, claim.Status);
}

public enum CandidateRule
{
    /// <summary>One claim affirms the proposition, the other denies it.</summary>
    OpposedStances,

    /// <summary>Figures on the same measure, for overlapping event periods, whose implied intervals cannot both hold.</summary>
    IncompatibleFigures,

    /// <summary>The same voice gives a new figure for the same measure and period: the later claim may supersede the earlier.</summary>
    LaterFigureBySameVoice,
}

/// <summary>
/// A pair of claims the system proposes to a reviewer. <see cref="First"/> is the earlier statement
/// (for <see cref="CandidateRule.LaterFigureBySameVoice"/>, <see cref="Second"/> is the one that would supersede).
/// </summary>
public sealed record Candidate(Guid First, Guid Second, CandidateRule Rule, string Reason)
{
    /// <summary>The relation a confirmed candidate becomes.</summary>
    public RelationType Proposes => Rule == CandidateRule.LaterFigureBySameVoice ? RelationType.Supersedes : RelationType.Contradicts;
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
                    if (!MayPair(c, other) || other.Id == c.Id || (changed.Contains(other.Id) && other.Id.CompareTo(c.Id) < 0))
                    {
                        continue;
                    }

                    candidates.AddRange(ReadingOrder(c, other) ? Between(c, other) : Between(other, c));
                }
            }
        }

        return candidates;
    }

    /// <summary>The candidates for one pair (at most one per rule); <paramref name="earlier"/> was stated no later than <paramref name="later"/>.</summary>
    public static IEnumerable<Candidate> Between(ClaimFacts earlier, ClaimFacts later)
    {
        if (earlier.PropositionId != later.PropositionId || earlier.Id == later.Id)
        {
            yield break;
        }

        if (IsOpposed(earlier.Stance, later.Stance))
        {
            yield return new Candidate(earlier.Id, later.Id, CandidateRule.OpposedStances,
                $"One {Words(earlier.Stance)} and the other {Words(later.Stance)} the same proposition.");
        }

        var p = When(earlier);
        var q = When(later);
        if (earlier.MeasureId is not { } measure || later.MeasureId != measure
            || earlier.Interval is not { } a || later.Interval is not { } b
            || !p.Overlaps(q) || a.Overlaps(b))
        {
            yield break;
        }

        if (earlier.Voice == later.Voice)
        {
            // The same voice changing its own figure is an update, not a contradiction; on the same
            // day there is no "later" to prefer, so nothing is proposed.
            if (later.StatedOn.Earliest > earlier.StatedOn.Latest)
            {
                yield return new Candidate(earlier.Id, later.Id, CandidateRule.LaterFigureBySameVoice,
                    $"The same voice said {b} on {later.StatedOn} after {a} on {earlier.StatedOn} for overlapping periods.");
            }

            yield break;
        }

        yield return new Candidate(earlier.Id, later.Id, CandidateRule.IncompatibleFigures,
            $"{a} and {b} cannot both hold for overlapping periods ({p}; {q}).");
    }

    /// <summary>
    /// The time a figure describes: its event period, or, when the editor recorded none, the span of
    /// its statement date (a report in the present tense: "hundreds are training there").
    /// </summary>
    /// <summary>Whether <paramref name="x"/> comes first: stated earlier, or on the same day with the smaller id (the order <see cref="Find"/> uses).</summary>
    public static bool ReadingOrder(ClaimFacts x, ClaimFacts y) =>
        x.StatedOn.Earliest != y.StatedOn.Earliest ? x.StatedOn.Earliest < y.StatedOn.Earliest : x.Id.CompareTo(y.Id) < 0;

    public static EventPeriod When(ClaimFacts claim) => claim.EventPeriod ?? EventPeriod.Create(claim.StatedOn);

    /// <summary>
    /// A cheap test that passes every pair <see cref="Between"/> can return a candidate for (opposed
    /// stances, or figures on one measure): the rest are skipped without building the pair, which keeps
    /// a proposition of tens of thousands of claims to seconds.
    /// </summary>
    private static bool MayPair(ClaimFacts x, ClaimFacts y) =>
        IsOpposed(x.Stance, y.Stance) || (x.MeasureId is { } measure && y.MeasureId == measure && x.Interval is not null && y.Interval is not null);

    private static bool IsOpposed(Stance x, Stance y) =>
        (x == Stance.Affirms && y == Stance.Denies) || (x == Stance.Denies && y == Stance.Affirms);

    private static string Words(Stance stance) => stance.ToString().ToLowerInvariant();
}
