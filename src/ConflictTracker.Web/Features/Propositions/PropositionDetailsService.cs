using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>One claimed figure on a measure, with the interval it implies, placed at its statement date.</summary>
public sealed record EstimatePoint(
    Guid ClaimId,
    EntityRef Actor,
    DateOnly Stated,
    string StatedOn,
    decimal Min,
    decimal Max,
    decimal Low,
    decimal? High,
    string AsStated
);

/// <param name="Total">How many figures there are on the measure; <paramref name="Points"/> holds the latest <see
/// cref="PropositionDetailsService.MaxPoints"/>.</param>
public sealed record MeasureEstimates(EntityRef Measure, string Unit, IReadOnlyList<EstimatePoint> Points, int Total);

/// <summary>A claim's event period against the date it was stated.</summary>
public sealed record PeriodRow(
    Guid ClaimId,
    string Actor,
    DateOnly StatedFirst,
    DateOnly StatedLast,
    DateOnly EventFirst,
    DateOnly EventLast,
    string StatedOn,
    string EventPeriod
);

/// <param name="Total">How many published claims take the stance; <paramref name="Claims"/> holds the latest <see
/// cref="PropositionDetailsService.ClaimsPerStance"/>.</param>
public sealed record StanceGroup(Stance Stance, IReadOnlyList<ClaimListItem> Claims, int Total);

/// <summary>A confirmed contradicts (or supersedes) relation between two of the proposition's claims.</summary>
public sealed record ConfirmedConflict(
    Guid RelationId,
    RelationType Type,
    EntityRef Claim,
    string ClaimActor,
    EntityRef Other,
    string OtherActor,
    string ReviewedBy
);

/// <summary>
/// One voice that speaks in several origin documents of a stance, so they count as one independent voice
/// (docs/rules/origin-counting.md): "Office of the President of Ukraine, 2 claims in 2 origin documents".
/// </summary>
public sealed record VoiceMerge(Stance Stance, EntityRef Voice, int Claims, int OriginDocuments);

/// <param name="Reports">Distinct sources citing the published claims.</param>
/// <param name="OriginDocuments">Distinct origins (an Origin citation's source, else the claim itself), merged by
/// confirmed repeats.</param>
/// <param name="IndependentVoices">Origin documents merged further when one voice speaks in several.</param>
/// <param name="Merged">The voices that speak in more than one origin document of a stance: what the voice count
/// merged, and why.</param>
/// <param name="Conflicts">Confirmed contradictions between the proposition's claims.</param>
/// <param name="Updates">Confirmed supersedes relations: a voice's update or revision of its own figure, not a
/// contradiction.</param>
public sealed record PropositionDetails(
    Guid Id,
    string Statement,
    string? Description,
    Assessment Assessment,
    string? AssessmentRationale,
    IReadOnlyList<StanceGroup> ByStance,
    IReadOnlyList<StanceSupport> Support,
    int Reports,
    int OriginDocuments,
    int IndependentVoices,
    IReadOnlyList<VoiceMerge> Merged,
    IReadOnlyList<MeasureEstimates> Estimates,
    IReadOnlyList<PeriodRow> Periods,
    int PeriodsTotal,
    IReadOnlyList<StanceScore> Scores,
    IReadOnlyList<ConfirmedConflict> Conflicts,
    IReadOnlyList<ConfirmedConflict> Updates,
    int OpenCandidates,
    uint Version
);

/// <summary>
/// The proposition page: support by stance, origins and score over every published claim, and the
/// latest claims, figures and periods to show. Nothing here grows with the database, only with the
/// proposition: the aggregates read one narrow row per citation, the lists are cut (docs/performance.md).
/// </summary>
public sealed class PropositionDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    /// <summary>The latest claims listed per stance; the rest are a link to the claims explorer away.</summary>
    public const int ClaimsPerStance = 25;

    /// <summary>The latest figures drawn per measure.</summary>
    public const int MaxPoints = 500;

    /// <summary>The latest event periods drawn on the timeline.</summary>
    public const int MaxPeriods = 200;

    public async Task<PropositionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a proposition");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var proposition = await db
            .Propositions.AsNoTracking()
            .Include(p => p.Measures)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposition is null)
        {
            return null;
        }

        var published = db.Claims.AsNoTracking().Where(c => c.PropositionId == id && c.Status == ClaimStatus.Published);

        // One narrow row per citation (or per claim without one), with its source's and publisher's grades.
        var rows = await (
            from claim in published
            join citation in db.Citations on claim.Id equals citation.ClaimId into citations
            from citation in citations.DefaultIfEmpty()
            join source in db.Sources on citation.SourceId equals source.Id into sources
            from source in sources.DefaultIfEmpty()
            join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
            from publisher in publishers.DefaultIfEmpty()
            join speaker in db.Actors on (claim.OnBehalfOfId ?? claim.AssertedById) equals speaker.Id
            select new EvidenceRow(
                claim.Id,
                claim.Stance,
                claim.Credibility,
                claim.MeasureId,
                claim.EventPeriod != null,
                speaker.Id,
                speaker.Name,
                speaker.IsCollective,
                citation == null ? null : citation.SourceId,
                citation == null ? null : citation.Role,
                source == null ? null : source.Reliability,
                publisher == null ? null : publisher.Reliability
            )
        ).ToListAsync(cancellationToken);
        var byClaim = rows.GroupBy(r => r.ClaimId).ToList();
        // The speakers marked collective or unidentified: each of their claims is a voice of its own.
        var collective = rows.Where(r => r.SpeakerIsCollective).Select(r => r.Speaker).ToHashSet();
        var speakerNames = rows.DistinctBy(r => r.Speaker).ToDictionary(r => r.Speaker, r => r.SpeakerName);
        var evidence = byClaim.Select(g => Evidence(g, collective)).ToList();
        var figureCounts = byClaim
            .Where(g => g.First().MeasureId is not null)
            .GroupBy(g => g.First().MeasureId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        var periodCount = byClaim.Count(g => g.First().HasPeriod);

        // Confirmed relations among the proposition's claims, in one read: "repeats" says one claim only
        // repeats the other (they share an origin); "contradicts" and "supersedes" are listed.
        var relations = await db
            .Relations.AsNoTracking()
            .Where(r =>
                r.State == ReviewState.Confirmed
                && (
                    r.Type == RelationType.Repeats
                    || r.Type == RelationType.Contradicts
                    || r.Type == RelationType.Supersedes
                )
                && published.Any(c => c.Id == r.FromClaimId)
                && published.Any(c => c.Id == r.ToClaimId)
            )
            .OrderBy(r => r.ReviewedAt)
            .Select(r => new
            {
                r.Id,
                r.Type,
                r.FromClaimId,
                r.ToClaimId,
                r.ReviewedBy,
            })
            .ToListAsync(cancellationToken);
        var repeats = relations
            .Where(r => r.Type == RelationType.Repeats)
            .Select(r => (r.FromClaimId, r.ToClaimId))
            .ToList();
        var originOf = IndependentOrigins.Origins(evidence, repeats);
        var voiceOf = IndependentOrigins.Voices(evidence, repeats);

        // What the voice count merged: each voice speaking in more than one origin document of a stance.
        var merges = evidence
            .Where(e => e.Voice is { } v && !collective.Contains(v) && v != e.ClaimId)
            .GroupBy(e => (e.Stance, Voice: e.Voice!.Value))
            .Select(g =>
                (
                    g.Key.Stance,
                    g.Key.Voice,
                    Claims: g.Count(),
                    Origins: g.Select(e => originOf(e.ClaimId)).Distinct().Count()
                )
            )
            .Where(m => m.Origins > 1)
            .ToList();
        var voiceNames = speakerNames;
        var merged = merges
            .OrderBy(m => m.Stance)
            .ThenByDescending(m => m.Origins)
            .ThenBy(m => voiceNames[m.Voice], StringComparer.Ordinal)
            .Select(m => new VoiceMerge(m.Stance, new EntityRef(m.Voice, voiceNames[m.Voice]), m.Claims, m.Origins))
            .ToList();

        var byStance = new List<StanceGroup>();
        foreach (var stance in evidence.GroupBy(e => e.Stance).OrderBy(g => g.Key))
        {
            var stanceKey = stance.Key;
            var latest = await ClaimSearchService
                .Project(
                    db,
                    published
                        .Where(c => c.Stance == stanceKey)
                        .OrderByDescending(c => c.StatedOn.Date)
                        .ThenByDescending(c => c.Id)
                        .Take(ClaimsPerStance)
                )
                .ToListAsync(cancellationToken);
            byStance.Add(new StanceGroup(stanceKey, latest.Select(r => r.ToItem()).ToList(), stance.Count()));
        }

        var estimates = new List<MeasureEstimates>();
        foreach (var measure in proposition.Measures.OrderBy(m => m.Name))
        {
            var figures = published.Where(c => c.MeasureId == measure.Id && c.Quantity != null);
            var points = await (
                from claim in figures
                    .OrderByDescending(c => c.StatedOn.Date)
                    .ThenByDescending(c => c.Id)
                    .Take(MaxPoints)
                join actor in db.Actors on claim.AssertedById equals actor.Id
                select new
                {
                    claim.Id,
                    ActorId = actor.Id,
                    actor.Name,
                    claim.StatedOn,
                    claim.Quantity,
                }
            ).ToListAsync(cancellationToken);
            estimates.Add(
                new MeasureEstimates(
                    new EntityRef(measure.Id, measure.Name),
                    measure.Unit,
                    points
                        .OrderBy(p => p.StatedOn.Date)
                        .ThenBy(p => p.Id)
                        .Select(p => new EstimatePoint(
                            p.Id,
                            new EntityRef(p.ActorId, p.Name),
                            p.StatedOn.Earliest,
                            p.StatedOn.ToString(),
                            p.Quantity!.Min,
                            p.Quantity.Max,
                            p.Quantity.ImpliedInterval.Low,
                            p.Quantity.ImpliedInterval.High,
                            p.Quantity.ToString(measure.Unit)
                        ))
                        .ToList(),
                    figureCounts.GetValueOrDefault(measure.Id)
                )
            );
        }

        var periodRows = await (
            from claim in published
                .Where(c => c.EventPeriod != null)
                .OrderByDescending(c => c.EventPeriod!.StartDate)
                .ThenByDescending(c => c.Id)
                .Take(MaxPeriods)
            join actor in db.Actors on claim.AssertedById equals actor.Id
            select new
            {
                claim.Id,
                actor.Name,
                claim.StatedOn,
                claim.EventPeriod,
            }
        ).ToListAsync(cancellationToken);
        var periods = periodRows
            .OrderBy(c => c.EventPeriod!.Start.Earliest)
            .Select(c => new PeriodRow(
                c.Id,
                c.Name,
                c.StatedOn.Earliest,
                c.StatedOn.Latest,
                c.EventPeriod!.Start.Earliest,
                c.EventPeriod.End.Latest,
                c.StatedOn.ToString(),
                c.EventPeriod.ToString()
            ))
            .ToList();

        var conflictIds = relations
            .Where(r => r.Type != RelationType.Repeats)
            .SelectMany(r => new[] { r.FromClaimId, r.ToClaimId })
            .Distinct()
            .ToList();
        var conflictClaims =
            conflictIds.Count == 0
                ? []
                : await (
                    from claim in db.Claims.AsNoTracking()
                    where conflictIds.Contains(claim.Id)
                    join actor in db.Actors on claim.AssertedById equals actor.Id
                    select new
                    {
                        claim.Id,
                        claim.Summary,
                        actor.Name,
                    }
                ).ToDictionaryAsync(c => c.Id, cancellationToken);
        var confirmed = relations
            .Where(r => r.Type != RelationType.Repeats)
            .Select(r => new ConfirmedConflict(
                r.Id,
                r.Type,
                new EntityRef(r.FromClaimId, conflictClaims[r.FromClaimId].Summary),
                conflictClaims[r.FromClaimId].Name,
                new EntityRef(r.ToClaimId, conflictClaims[r.ToClaimId].Summary),
                conflictClaims[r.ToClaimId].Name,
                r.ReviewedBy!
            ))
            .ToList();
        var openCandidates = await db.Candidates.CountAsync(
            c => c.PropositionId == id && c.State == CandidateState.Open,
            cancellationToken
        );

        return new PropositionDetails(
            proposition.Id,
            proposition.Statement,
            proposition.Description,
            proposition.Assessment,
            proposition.AssessmentRationale,
            byStance,
            IndependentOrigins.ByStance(evidence, repeats),
            evidence.SelectMany(e => e.SourceIds).Distinct().Count(),
            evidence.Select(e => originOf(e.ClaimId)).Distinct().Count(),
            evidence.Select(e => voiceOf(e.ClaimId)).Distinct().Count(),
            merged,
            estimates,
            periods,
            periodCount,
            Corroboration.ByStance(evidence, repeats),
            confirmed.Where(c => c.Type == RelationType.Contradicts).ToList(),
            confirmed.Where(c => c.Type == RelationType.Supersedes).ToList(),
            openCandidates,
            proposition.Version
        );
    }

    private sealed record EvidenceRow(
        Guid ClaimId,
        Stance Stance,
        Credibility? Credibility,
        Guid? MeasureId,
        bool HasPeriod,
        Guid Speaker,
        string SpeakerName,
        bool SpeakerIsCollective,
        Guid? SourceId,
        CitationRole? Role,
        ReliabilityGrade? SourceGrade,
        ReliabilityGrade? PublisherGrade
    )
    {
        public ReliabilityGrade Grade => Source.EffectiveReliability(SourceGrade, PublisherGrade);
    }

    /// <summary>
    /// What origin counting and the corroboration score read of a claim: its origin's source and
    /// that source's effective grade, or, with no origin citation, the grade among its sources that weighs most.
    /// </summary>
    private static ClaimEvidence Evidence(IGrouping<Guid, EvidenceRow> claim, HashSet<Guid> collective)
    {
        var first = claim.First();
        var cited = claim.Where(r => r.SourceId is not null).ToList();
        var origin = cited.FirstOrDefault(r => r.Role == CitationRole.Origin);
        // "Best" is the grade that weighs most: F (unknown) weighs more than E (unreliable).
        ReliabilityGrade? grade = origin is not null
            ? origin.Grade
            : cited
                .Select(r => r.Grade)
                .DefaultIfEmpty(ReliabilityGrade.F)
                .MaxBy(g => Corroboration.ReliabilityWeight(g));
        var voice = collective.Contains(first.Speaker) ? claim.Key : first.Speaker;
        return new ClaimEvidence(
            claim.Key,
            first.Stance,
            origin?.SourceId,
            cited.Select(r => r.SourceId!.Value).ToList(),
            grade,
            first.Credibility,
            voice
        );
    }
}
