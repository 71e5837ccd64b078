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
        // The figures over every claim, kept between reads and moved on by every change they depend on.
        var kept = await PropositionFiguresStore.GetAsync(contextFactory, id, cancellationToken);

        // Confirmed contradicts and supersedes relations among the proposition's claims, listed.
        var relations = await db
            .Relations.AsNoTracking()
            .Where(r =>
                r.State == ReviewState.Confirmed
                && (r.Type == RelationType.Contradicts || r.Type == RelationType.Supersedes)
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

        var byStance = new List<StanceGroup>();
        foreach (var stance in kept.StanceTotals)
        {
            var stanceKey = stance.Stance;
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
            byStance.Add(new StanceGroup(stanceKey, latest.Select(r => r.ToItem()).ToList(), stance.Claims));
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
                    kept.FigureTotals.FirstOrDefault(t => t.MeasureId == measure.Id)?.Figures ?? 0
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

        var conflictIds = relations.SelectMany(r => new[] { r.FromClaimId, r.ToClaimId }).Distinct().ToList();
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
            kept.Support,
            kept.Reports,
            kept.OriginDocuments,
            kept.IndependentVoices,
            kept.Merged,
            estimates,
            periods,
            kept.PeriodsTotal,
            kept.Scores,
            confirmed.Where(c => c.Type == RelationType.Contradicts).ToList(),
            confirmed.Where(c => c.Type == RelationType.Supersedes).ToList(),
            openCandidates,
            proposition.Version
        );
    }
}
