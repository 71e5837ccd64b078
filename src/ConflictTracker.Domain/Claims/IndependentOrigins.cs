namespace ConflictTracker.Domain.Claims;

/// <summary>What origin counting needs to know of one claim: its stance, the source of its origin citation, and every source citing it.</summary>
public sealed record ClaimEvidence(Guid ClaimId, Stance Stance, Guid? OriginSourceId, IReadOnlyCollection<Guid> SourceIds);

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

    public static IReadOnlyList<StanceSupport> ByStance(IEnumerable<ClaimEvidence> claims) =>
        claims
            .GroupBy(c => c.Stance)
            .OrderBy(g => g.Key)
            .Select(g => new StanceSupport(
                g.Key,
                g.Count(),
                g.SelectMany(c => c.SourceIds).Distinct().Count(),
                g.Select(OriginOf).Distinct().Count()))
            .ToList();
}
