namespace ConflictTracker.Domain.Relations;

/// <summary>One published claim as the candidate rules see it, with its <see cref="ClaimFingerprint"/>.</summary>
public sealed record ClaimSnapshot(ClaimFacts Facts, string Fingerprint);

/// <summary>What a reconciliation did: candidates to add, and how many stored ones changed.</summary>
public sealed record ReconciliationResult(IReadOnlyList<ContradictionCandidate> Added, int Changed);

/// <summary>
/// Keeps the stored candidates in step with the claims after some of them changed. The rules are run
/// for every pair involving a changed claim; each candidate they produce is matched to the stored one
/// for the same two claims and rule (in either order, since an edited date can swap which is first):
/// new ones are added, stored ones are updated (<see cref="ContradictionCandidate.FoundAgain"/>), and
/// stored open ones the rules no longer produce lapse.
/// </summary>
public static class CandidateReconciliation
{
    /// <param name="claims">Every published claim on the propositions the changed claims now belong to.</param>
    /// <param name="changed">The claims that changed (retracted or moved claims included, even if absent from <paramref
    /// name="claims"/>).</param>
    /// <param name="stored">Every stored candidate involving a changed claim.</param>
    public static ReconciliationResult Reconcile(
        IReadOnlyCollection<ClaimSnapshot> claims,
        IReadOnlySet<Guid> changed,
        IReadOnlyCollection<ContradictionCandidate> stored,
        DateTimeOffset at
    )
    {
        var byClaim = claims.ToDictionary(c => c.Facts.Id);
        // One row per pair and rule; should two ever exist (the same pair stored in both orders),
        // the first is kept and the others lapse instead of breaking every later save.
        var groups = stored.GroupBy(c => Key(c.FirstClaimId, c.SecondClaimId, c.Rule)).ToList();
        var byKey = groups.ToDictionary(g => g.Key, g => g.First());
        var changes = groups.SelectMany(g => g.Skip(1)).Count(extra => extra.NoLongerFound());
        var added = new List<ContradictionCandidate>();
        var seen = new HashSet<(Guid, Guid, CandidateRule)>();
        foreach (var found in ContradictionCandidates.Involving(claims.Select(c => c.Facts), changed))
        {
            var key = Key(found.First, found.Second, found.Rule);
            seen.Add(key);
            var first = byClaim[found.First];
            if (byKey.TryGetValue(key, out var existing))
            {
                changes += existing.FoundAgain(
                    first.Facts.PropositionId,
                    found,
                    first.Fingerprint,
                    byClaim[found.Second].Fingerprint,
                    at
                )
                    ? 1
                    : 0;
            }
            else
            {
                var candidate = ContradictionCandidate.Found(
                    first.Facts.PropositionId,
                    found,
                    first.Fingerprint,
                    byClaim[found.Second].Fingerprint,
                    at
                );
                byKey[key] = candidate;
                added.Add(candidate);
            }
        }

        foreach (var candidate in byKey.Values.Where(c => !seen.Contains(Key(c.FirstClaimId, c.SecondClaimId, c.Rule))))
        {
            changes += candidate.NoLongerFound() ? 1 : 0;
        }

        return new ReconciliationResult(added, changes);
    }

    private static (Guid, Guid, CandidateRule) Key(Guid a, Guid b, CandidateRule rule) =>
        a.CompareTo(b) < 0 ? (a, b, rule) : (b, a, rule);
}
