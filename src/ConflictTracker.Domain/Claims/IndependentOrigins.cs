namespace ConflictTracker.Domain.Claims;

/// <summary>What origin counting needs to know of one claim: its stance, the source of its origin citation, and every
/// source citing it.</summary>
/// <param name="Grade">
/// How reliable the claim's origin is: the effective grade of its origin source, or, with no origin
/// citation, the best grade among the sources citing it; null when nothing is cited (counted as F).
/// </param>
/// <param name="Credibility">The reviewers' rating of the claim; null until rated.</param>
/// <param name="Voice">
/// Who is speaking (<c>ClaimFacts.VoiceOf</c>: the body spoken for, else the asserting actor; the claim's own
/// id for a collective or unidentified source); null when not known, and then the claim merges with no voice.
/// </param>
public sealed record ClaimEvidence(
    Guid ClaimId,
    Stance Stance,
    Guid? OriginSourceId,
    IReadOnlyCollection<Guid> SourceIds,
    Sources.ReliabilityGrade? Grade = null,
    Credibility? Credibility = null,
    Guid? Voice = null
);

/// <summary>
/// For one stance on a proposition, support in three levels (docs/rules/origin-counting.md): claims;
/// reports (distinct sources citing them); origin documents (distinct origins, merged by confirmed
/// "repeats"); independent voices (origin documents merged further when the same voice speaks in them).
/// </summary>
public sealed record StanceSupport(Stance Stance, int Claims, int Reports, int OriginDocuments, int IndependentVoices);

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
    public static IReadOnlyList<StanceSupport> ByStance(
        IEnumerable<ClaimEvidence> claims,
        IEnumerable<(Guid Claim, Guid Repeated)> repeats
    )
    {
        var list = claims.ToList();
        var pairs = repeats.ToList();
        var origin = Origins(list, pairs);
        var voice = Voices(list, pairs);
        return list.GroupBy(c => c.Stance)
            .OrderBy(g => g.Key)
            .Select(g => new StanceSupport(
                g.Key,
                g.Count(),
                g.SelectMany(c => c.SourceIds).Distinct().Count(),
                g.Select(c => origin(c.ClaimId)).Distinct().Count(),
                g.Select(c => voice(c.ClaimId)).Distinct().Count()
            ))
            .ToList();
    }

    /// <summary>Each claim's origin after merging repeats: a function from claim id to a representative
    /// origin.</summary>
    public static Func<Guid, Guid> Origins(
        IReadOnlyCollection<ClaimEvidence> claims,
        IEnumerable<(Guid Claim, Guid Repeated)> repeats
    ) => Merge(claims, repeats, byVoice: false);

    /// <summary>
    /// Each claim's independent voice: its origin (after repeats), merged with every other origin in
    /// which the same voice speaks. A function from claim id to a representative; claims with the same
    /// representative are one independent voice. Merging is transitive: two voices speaking in one
    /// origin document are one (we cannot tell them apart there).
    /// </summary>
    public static Func<Guid, Guid> Voices(
        IReadOnlyCollection<ClaimEvidence> claims,
        IEnumerable<(Guid Claim, Guid Repeated)> repeats
    ) => Merge(claims, repeats, byVoice: true);

    private static Func<Guid, Guid> Merge(
        IReadOnlyCollection<ClaimEvidence> claims,
        IEnumerable<(Guid Claim, Guid Repeated)> repeats,
        bool byVoice
    )
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

        if (byVoice)
        {
            var firstOfVoice = new Dictionary<Guid, Guid>();
            foreach (var claim in claims.Where(c => c.Voice is not null))
            {
                if (!firstOfVoice.TryAdd(claim.Voice!.Value, byClaim[claim.ClaimId]))
                {
                    var (ra, rb) = (Find(byClaim[claim.ClaimId]), Find(firstOfVoice[claim.Voice.Value]));
                    if (ra != rb)
                    {
                        parent[ra] = rb;
                    }
                }
            }
        }

        return claimId => Find(byClaim[claimId]);
    }
}
