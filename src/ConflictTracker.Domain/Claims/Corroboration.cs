using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Claims;

/// <summary>One stance's corroboration score, with the weight of each independent voice behind it.</summary>
public sealed record StanceScore(Stance Stance, decimal Score, IReadOnlyList<decimal> VoiceWeights);

/// <summary>
/// The corroboration score (docs/rules/origin-counting.md): independent voices weighted by how
/// reliable their origins are and how credible reviewers found them. Each voice counts once, with the
/// weight of its strongest claim (its best reliability); a stance's score is the sum over its voices.
/// One confirmed claim from a completely reliable origin scores 1; five outlets repeating one briefing,
/// or one ministry's three briefings, still score once.
/// </summary>
public static class Corroboration
{
    /// <summary>Weight of an origin's reliability, Admiralty A to F. F ("cannot be judged") is unknown, not bad: it
    /// sits at the middle.</summary>
    public static decimal ReliabilityWeight(ReliabilityGrade? grade) =>
        grade switch
        {
            ReliabilityGrade.A => 1.0m,
            ReliabilityGrade.B => 0.8m,
            ReliabilityGrade.C => 0.6m,
            ReliabilityGrade.D => 0.4m,
            ReliabilityGrade.E => 0.2m,
            _ => 0.5m,
        };

    /// <summary>Weight of a claim's credibility, Admiralty 1 to 6. Not yet rated counts like 6 ("cannot be judged"):
    /// the middle.</summary>
    public static decimal CredibilityWeight(Credibility? credibility) =>
        credibility switch
        {
            Claims.Credibility.Confirmed => 1.0m,
            Claims.Credibility.ProbablyTrue => 0.8m,
            Claims.Credibility.PossiblyTrue => 0.6m,
            Claims.Credibility.DoubtfullyTrue => 0.4m,
            Claims.Credibility.Improbable => 0.1m,
            _ => 0.5m,
        };

    public static decimal Weight(ClaimEvidence claim) =>
        ReliabilityWeight(claim.Grade) * CredibilityWeight(claim.Credibility);

    /// <summary>Each stance's score, merging claims into independent voices exactly as <see
    /// cref="IndependentOrigins.ByStance(IEnumerable{ClaimEvidence}, IEnumerable{ValueTuple{Guid, Guid}})"/> counts
    /// them.</summary>
    public static IReadOnlyList<StanceScore> ByStance(
        IEnumerable<ClaimEvidence> claims,
        IEnumerable<(Guid Claim, Guid Repeated)> repeats
    )
    {
        var list = claims.ToList();
        var origin = IndependentOrigins.Voices(list, repeats);
        return list.GroupBy(c => c.Stance)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var weights = g.GroupBy(c => origin(c.ClaimId))
                    .Select(o => o.Max(Weight))
                    .OrderByDescending(w => w)
                    .ToList();
                return new StanceScore(g.Key, weights.Sum(), weights);
            })
            .ToList();
    }
}
