namespace ConflictTracker.Domain.Claims;

/// <summary>What origin counting needs to know of one claim: its stance, the source of its origin citation, and every source citing it.</summary>
/// <param name="Grade">
/// How reliable the claim's origin is: the effective grade of its origin source, or, with no origin
/// citation, the best grade among the sources citing it; null when nothing is cited (counted as F).
/// </param>
/// <param name="Credibility">The reviewers' rating of the claim; null until rated.</param>
public sealed record ClaimEvidence(
    Guid ClaimId, Stance Stance, Guid? OriginSourceId, IReadOnlyCollection<Guid> SourceIds,
    Sources.ReliabilityGrade? Grade = null, Credibility? Credibility = null);

/// <summary>For one stance on a proposition: how many claims, reports (distinct sources) and independent origins.</summary>
public sealed record StanceSupport(Stance Stance, int Claims, int Reports, int IndependentOrigins);

/// <summary>
/// Counts independent support (docs/rules/origin-counting.md). Five outlets repeating one intelligence
/// briefing are five reports but one origin: a claim's origin is the source of its Origin citation,
/// and claims sharing that source share the origin. A claim with no origin citation is an origin of
/// its own (we cannot see where it came from, so we cannot merge it with anything).
/// </summary>
public static class IndependentOrigins
{
    public static Guid OriginOf(ClaimEvidence claim) => claim.OriginSourceId ?? claim.ClaimId;

    public static IReadOnlyList<StanceSupport> ByStance(IEnumerable<ClaimEvidence> claims) => ByStance(claims, []);

    /// <summary>
    /// As above, where each pair in <paramref name="repeats"/> (two claims linked by a confirmed
    /// "repeats" relation) also shares one origin: a reviewer found that one only repeats the other.
    /// Merging is transitive (A repeats B, B repeats C: one origin).
    /// </summary>
    public static IReadOnlyList<StanceSupport> ByStance(IEnumerable<ClaimEvidence> claims, IEnumerable<(Guid Claim, Guid Repeated)> repeats)
    {
        var list = claims.ToList();
        var origin = Origins(list, repeats);
        return list
            .GroupBy(c => c.Stance)
            .OrderBy(g => g.Key)
            .Select(g => new StanceSupport(
                g.Key,
                g.Count(),
                g.SelectMany(c => c.SourceIds).Distinct().Count(),
                g.Select(c => origin(c.ClaimId)).Distinct().Count()))
            .ToList();
    }

    /// <summary>Each claim's origin after merging repeats: a function from claim id to a representative origin.</summary>
    public static Func<Guid, Guid> Origins(IReadOnlyCollection<ClaimEvidence> claims, IEnumerable<(Guid Claim, Guid Repeated)> repeats)
    {
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x)
        {
            while (parent.TryGetValue(x, out var up) && up != x)
            {
                parent[x] = parent.GetValueOrDefault(up, up);
                x = up;
            }

            return x;
        }

        var byClaim = claims.ToDictionary(c => c.ClaimId, OriginOf);
        foreach (var (claim, repeated) in repeats)
        {
            if (byClaim.TryGetValue(claim, out var a) && byClaim.TryGetValue(repeated, out var b))
            {
                var (ra, rb) = (Find(a), Find(b));
                if (ra != rb)
                {
                    parent[ra] = rb;
                }
            }
        }

        return claimId => Find(byClaim[claimId]);
    }
}
