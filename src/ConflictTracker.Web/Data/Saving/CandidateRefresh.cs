using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ConflictTracker.Web.Data.Saving;

/// <summary>
/// Keeps the stored contradiction candidates in step with the claims, inside the transaction that
/// changed the claims (docs/rules/contradictions.md, "Kept up to date"). Saves that touch claims on
/// the same proposition take a transaction-scoped advisory lock per proposition, so two editors saving
/// at once cannot both add the same candidate.
/// </summary>
internal static class CandidateRefresh
{
    /// <summary>The author of the candidates the rules find (in the change history and on confirmed
    /// relations).</summary>
    public const string CandidateRulesAuthor = "contradiction rules";

    /// <summary>Advisory-lock namespace of the candidate refresh (the high 32 bits of the key).</summary>
    private const long LockNamespace = 0x43_54_43_41L << 32; // "CTCA"

    /// <summary>
    /// A step of <see cref="SavePath"/>: runs the rules for every pair involving the claims this save
    /// adds or changes, as they are about to be saved, and adds or updates the candidates in the same
    /// save. Locks every proposition the save touches, including the one a moved claim leaves.
    /// </summary>
    /// <param name="speakers">
    /// Actors whose collective marking this save changes (<see cref="Domain.Actors.Actor.IsCollective"/>):
    /// the voices of the published claims they speak for change, so those claims are paired again too.
    /// </param>
    public static async Task RunAsync(
        AppDbContext db,
        IReadOnlyList<EntityEntry<Claim>> changed,
        IReadOnlyList<Guid> speakers,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var claims = changed.Select(e => e.Entity).ToList();
        if (speakers.Count > 0)
        {
            var saved = claims.Select(c => c.Id).ToHashSet();
            claims.AddRange(
                (
                    await db
                        .Claims.AsNoTracking()
                        .Where(c =>
                            c.Status == ClaimStatus.Published && speakers.Contains(c.OnBehalfOfId ?? c.AssertedById)
                        )
                        .ToListAsync(cancellationToken)
                ).Where(c => !saved.Contains(c.Id))
            );
        }

        var locked = changed
            .SelectMany(e =>
                e.State == EntityState.Modified
                    ? [e.Entity.PropositionId, e.Property(c => c.PropositionId).OriginalValue]
                    : new[] { e.Entity.PropositionId }
            )
            .Concat(claims.Select(c => c.PropositionId))
            .ToList();
        await LockAsync(db, locked, cancellationToken);
        if (claims.Count > 0)
        {
            await PairAsync(db, claims, at, cancellationToken);
        }
    }

    /// <summary>
    /// Takes the transaction-scoped advisory lock of each proposition, so two saves on one proposition
    /// cannot both add the same candidate. One statement takes every lock, in key order (two saves
    /// never wait on each other in a cycle).
    /// </summary>
    private static async Task LockAsync(
        AppDbContext db,
        IEnumerable<Guid> propositions,
        CancellationToken cancellationToken
    )
    {
        var keys = propositions.Select(LockKey).Distinct().Order().ToArray();
        if (keys.Length > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(k) FROM unnest({keys}) AS k ORDER BY k",
                cancellationToken
            );
        }
    }

    /// <summary>
    /// Runs the rules for every pair involving <paramref name="changedClaims"/> (their current values)
    /// on their propositions, whose locks the caller holds.
    /// </summary>
    private static async Task PairAsync(
        AppDbContext db,
        IReadOnlyList<Claim> changedClaims,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var changed = changedClaims.Select(c => c.Id).ToHashSet();
        var propositions = changedClaims.Select(c => c.PropositionId).Distinct().ToList();

        // Only claims that could pair with a changed one: the changed claims themselves, claims of an
        // opposed stance, and figures on the same measures. The rest cannot form a candidate with them.
        var mine = changedClaims.Where(c => c.Status == ClaimStatus.Published).ToList();
        var opposed = mine.Select(c => c.Stance)
            .Distinct()
            .SelectMany(s =>
                s switch
                {
                    Stance.Affirms => [Stance.Denies],
                    Stance.Denies => [Stance.Affirms],
                    _ => Array.Empty<Stance>(),
                }
            )
            .Distinct()
            .ToList();
        // Two figures are incompatible only when one implied interval lies wholly below the other, so
        // another figure on a measure can only be incompatible with a changed one if its upper bound is
        // below the highest changed lower bound on that measure, or its lower bound above the lowest
        // changed upper bound (docs/rules/qualifier-intervals.md).
        // Bounds are per measure: one save's figures on different measures do not widen each other's reads.
        var bounds = mine.Where(c => c.Quantity is not null)
            .GroupBy(c => (c.PropositionId, Measure: c.MeasureId!.Value))
            .Select(g =>
                (
                    g.Key.PropositionId,
                    g.Key.Measure,
                    HighestLow: g.Max(c => c.Quantity!.ImpliedInterval.Low),
                    LowestHigh: g.Select(c => c.Quantity!.ImpliedInterval.High)
                        .Where(h => h is not null)
                        .Select(h => h!.Value)
                        .DefaultIfEmpty(decimal.MaxValue)
                        .Min()
                )
            )
            .ToList();
        var candidates = db
            .Claims.AsNoTracking()
            .Where(c =>
                propositions.Contains(c.PropositionId) && c.Status == ClaimStatus.Published && !changed.Contains(c.Id)
            );
        var others =
            opposed.Count == 0
                ? []
                : await candidates.Where(c => opposed.Contains(c.Stance)).ToListAsync(cancellationToken);
        // The same voice's other figures on the same measures, whatever their value: a later one is an
        // update (compatible) or a revision, a same-day incompatible one an inconsistent report. Bounded
        // by what one voice said on one measure of the proposition. A collective speaker's claims share
        // no voice, so they are not read for it.
        var collective = await CollectiveAsync(db, mine.Select(Speaker), cancellationToken);
        var voices = mine.Where(c =>
                c.Quantity is not null && c.Stance != Stance.Hedges && !collective.Contains(Speaker(c))
            )
            .Select(c => (c.PropositionId, Measure: c.MeasureId!.Value, Voice: Speaker(c)))
            .Distinct()
            .ToList();
        if (bounds.Count > 0)
        {
            // Read first, then the claims by id: within one statement PostgreSQL would read the propositions'
            // claims to test each against the list.
            var figures = await FiguresToPair(db, changed, bounds, opposed, voices).ToListAsync(cancellationToken);
            others.AddRange(await candidates.Where(c => figures.Contains(c.Id)).ToListAsync(cancellationToken));
        }

        var claims = mine.Concat(others).DistinctBy(c => c.Id).ToList();
        collective = await CollectiveAsync(db, claims.Select(Speaker), cancellationToken);
        var snapshots = claims.Select(c => Snapshot(c, collective)).ToList();
        // Locked: a reviewer deciding one of these at this moment waits for this save (and is then
        // told it changed) instead of this save failing on a stale version.
        var ids = changed.ToArray();
        var stored = await db
            .Candidates.FromSql(
                $"SELECT c.*, c.xmin FROM contradiction_candidates c WHERE c.first_claim_id = ANY({ids}) OR c.second_claim_id = ANY({ids}) FOR UPDATE"
            )
            .ToListAsync(cancellationToken);

        var result = CandidateReconciliation.Reconcile(snapshots, changed, stored, at);
        db.Candidates.AddRange(result.Added);
    }

    /// <summary>
    /// The ids of the other figures a changed one may pair with, for every measure of the save in one
    /// statement that reads each measure's claims once: those whose implied interval lies wholly below the
    /// highest changed lower bound on the measure or wholly above its lowest changed upper bound (not of an
    /// opposed stance: those are read whole), and those of a changed voice on a measure it gave a figure on (not
    /// hedged). Every voice's measure has bounds: both come from the changed figures. Published claims only, not the
    /// changed ones.
    /// </summary>
    private static IQueryable<Guid> FiguresToPair(
        AppDbContext db,
        IReadOnlyCollection<Guid> changedClaims,
        IReadOnlyList<(Guid PropositionId, Guid Measure, decimal HighestLow, decimal LowestHigh)> bounds,
        IReadOnlyList<Stance> opposed,
        IReadOnlyList<(Guid PropositionId, Guid Measure, Guid Voice)> voices
    )
    {
        // With the proposition, each measure is one range of the (proposition, measure) index, read once.
        Guid[] propositions = [.. bounds.Select(b => b.PropositionId)],
            measures = [.. bounds.Select(b => b.Measure)],
            voicePropositions = [.. voices.Select(v => v.PropositionId)],
            voiceMeasures = [.. voices.Select(v => v.Measure)],
            voiceSpeakers = [.. voices.Select(v => v.Voice)];
        decimal[] lows = [.. bounds.Select(b => b.HighestLow)],
            highs = [.. bounds.Select(b => b.LowestHigh)];
        Guid[] changed = [.. changedClaims];
        string[] opposedStances = [.. opposed.Select(s => s.ToString())];
        // The other figure's implied interval, worked out in SQL exactly as Quantity.ImpliedInterval does:
        // an "at least" figure has no upper bound, so it is never wholly below a changed one.
        const decimal above = 1 + Quantity.ApproximationMargin,
            below = 1 - Quantity.ApproximationMargin;
        string approximately = nameof(QuantityQualifier.Approximately),
            nearly = nameof(QuantityQualifier.Nearly),
            atLeast = nameof(QuantityQualifier.AtLeast),
            atMost = nameof(QuantityQualifier.AtMost),
            hedges = nameof(Stance.Hedges),
            published = nameof(ClaimStatus.Published);
        return db.Database.SqlQuery<Guid>(
            $"""
            SELECT c.id AS "Value" FROM claims c
            JOIN unnest({propositions}, {measures}, {lows}, {highs})
                 AS b(proposition, measure, highest_low, lowest_high)
              ON c.proposition_id = b.proposition AND c.measure_id = b.measure
            LEFT JOIN (SELECT proposition, measure, array_agg(voice) AS voices
                       FROM unnest({voicePropositions}, {voiceMeasures}, {voiceSpeakers})
                            AS v(proposition, measure, voice)
                       GROUP BY proposition, measure) AS v
              ON v.proposition = b.proposition AND v.measure = b.measure
            WHERE c.quantity_max IS NOT NULL AND c.status = {published} AND NOT (c.id = ANY({changed}))
              AND ((NOT (c.stance = ANY({opposedStances}))
                    AND ((c.quantity_qualifier <> {atLeast}
                          AND CASE WHEN c.quantity_qualifier = {approximately} THEN c.quantity_max * {above}
                                   ELSE c.quantity_max END < b.highest_low)
                      OR CASE WHEN c.quantity_qualifier = {atMost} THEN 0
                              WHEN c.quantity_qualifier IN ({approximately}, {nearly}) THEN c.quantity_min * {below}
                              ELSE c.quantity_min END > b.lowest_high))
                OR (c.stance <> {hedges} AND COALESCE(c.on_behalf_of_id, c.asserted_by_id) = ANY(v.voices)))
            """
        );
    }

    /// <summary>
    /// Works out every candidate when none is stored yet (a database that predates the candidate
    /// table). Returns how many candidates were added.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Candidates.AnyAsync(cancellationToken))
        {
            return 0;
        }

        return await RefreshAllAsync(db, progress: null, cancellationToken);
    }

    /// <summary>
    /// Works out the candidates of every proposition again, one proposition per transaction, for claims
    /// stored without <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/> (a bulk COPY
    /// load). Idempotent: candidates already stored are found again, not duplicated, and decisions are
    /// kept. Memory is bounded by the largest proposition, not by the database. Returns how many
    /// candidates were added.
    /// </summary>
    public static async Task<int> RefreshAllAsync(
        AppDbContext db,
        Action<int, int>? progress,
        CancellationToken cancellationToken = default
    )
    {
        var propositions = await db
            .Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Published)
            .Select(c => c.PropositionId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        db.ChangedBy ??= CandidateRulesAuthor;
        var added = 0;
        for (var i = 0; i < propositions.Count; i++)
        {
            var proposition = propositions[i];
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await LockAsync(db, [proposition], cancellationToken);
                var claims = await db
                    .Claims.AsNoTracking()
                    .Where(c => c.PropositionId == proposition && c.Status == ClaimStatus.Published)
                    .ToListAsync(cancellationToken);
                await PairAsync(db, claims, DateTimeOffset.UtcNow, cancellationToken);
                added += db.ChangeTracker.Entries<ContradictionCandidate>().Count(e => e.State == EntityState.Added);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            progress?.Invoke(i + 1, propositions.Count);
        }

        return added;
    }

    /// <summary>The advisory-lock key of a proposition: from the id's bytes, the same in every process and .NET
    /// version.</summary>
    private static long LockKey(Guid proposition)
    {
        Span<byte> bytes = stackalloc byte[16];
        proposition.TryWriteBytes(bytes);
        return LockNamespace | System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
    }

    public static ClaimSnapshot Snapshot(Claim claim, IReadOnlySet<Guid> collective)
    {
        var facts = ClaimFacts.Of(claim, collective);
        return new ClaimSnapshot(facts, ClaimFingerprint.Of(facts, claim.Summary, claim.Quote?.Text));
    }

    /// <summary>The actor whose voice a claim speaks with, before the collective rule: the body it was made on behalf
    /// of, else the asserting actor.</summary>
    private static Guid Speaker(Claim claim) => claim.OnBehalfOfId ?? claim.AssertedById;

    /// <summary>
    /// Which of <paramref name="speakers"/> are collective or unidentified (<see
    /// cref="Domain.Actors.Actor.IsCollective"/>),
    /// as this save leaves them: a marking changed in the same save counts, not the stored one.
    /// </summary>
    private static async Task<IReadOnlySet<Guid>> CollectiveAsync(
        AppDbContext db,
        IEnumerable<Guid> speakers,
        CancellationToken cancellationToken
    )
    {
        var ids = speakers.Distinct().ToList();
        var stored = await db
            .Actors.AsNoTracking()
            .Where(a => a.IsCollective && ids.Contains(a.Id))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var result = stored.ToHashSet();
        foreach (
            var entry in db
                .ChangeTracker.Entries<Domain.Actors.Actor>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
        )
        {
            if (entry.Entity.IsCollective)
            {
                result.Add(entry.Entity.Id);
            }
            else
            {
                result.Remove(entry.Entity.Id);
            }
        }

        return result;
    }
}
