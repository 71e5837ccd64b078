using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>One claimed figure on a measure, with the interval it implies, placed at its statement date.</summary>
public sealed record EstimatePoint(Guid ClaimId, EntityRef Actor, DateOnly Stated, string StatedOn, decimal Min, decimal Max, decimal Low, decimal? High, string AsStated);

public sealed record MeasureEstimates(EntityRef Measure, string Unit, IReadOnlyList<EstimatePoint> Points);

/// <summary>A claim's event period against the date it was stated.</summary>
public sealed record PeriodRow(Guid ClaimId, string Actor, DateOnly StatedFirst, DateOnly StatedLast, DateOnly EventFirst, DateOnly EventLast, string StatedOn, string EventPeriod);

public sealed record StanceGroup(Stance Stance, IReadOnlyList<ClaimListItem> Claims);

public sealed record PropositionDetails(
    Guid Id, string Statement, string? Description, Assessment Assessment, string? AssessmentRationale,
    IReadOnlyList<StanceGroup> ByStance, IReadOnlyList<StanceSupport> Support, int Reports, int IndependentOrigins,
    IReadOnlyList<MeasureEstimates> Estimates, IReadOnlyList<PeriodRow> Periods);

public sealed class PropositionDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<PropositionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a proposition");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var proposition = await db.Propositions.AsNoTracking().Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposition is null)
        {
            return null;
        }

        var published = db.Claims.AsNoTracking().Where(c => c.PropositionId == id && c.Status == ClaimStatus.Published);
        var claims = await published.Include(c => c.Citations).ToListAsync(cancellationToken);
        var items = (await ClaimSearchService.Project(db, published.OrderByDescending(c => c.StatedOn.Date).ThenByDescending(c => c.Id)).ToListAsync(cancellationToken))
            .Select(r => r.ToItem()).ToList();
        var actorNames = items.ToDictionary(i => i.Id, i => new EntityRef(i.ActorId, i.Actor));

        var evidence = claims.Select(c => new ClaimEvidence(
            c.Id, c.Stance, c.Citations.FirstOrDefault(ci => ci.Role == CitationRole.Origin)?.SourceId, c.Citations.Select(ci => ci.SourceId).ToList())).ToList();

        // A confirmed "repeats" relation says one claim only repeats the other: they share an origin.
        var claimIds = claims.Select(c => c.Id).ToList();
        var repeats = (await db.Relations.AsNoTracking()
                .Where(r => r.Type == RelationType.Repeats && r.State == ReviewState.Confirmed && claimIds.Contains(r.FromClaimId) && claimIds.Contains(r.ToClaimId))
                .Select(r => new { r.FromClaimId, r.ToClaimId }).ToListAsync(cancellationToken))
            .Select(r => (r.FromClaimId, r.ToClaimId)).ToList();
        var originOf = IndependentOrigins.Origins(evidence, repeats);

        var estimates = proposition.Measures.OrderBy(m => m.Name).Select(m => new MeasureEstimates(
                new EntityRef(m.Id, m.Name),
                m.Unit,
                claims.Where(c => c.MeasureId == m.Id && c.Quantity is not null)
                    .OrderBy(c => c.StatedOn.Date)
                    .Select(c => new EstimatePoint(
                        c.Id, actorNames[c.Id], c.StatedOn.Earliest, c.StatedOn.ToString(), c.Quantity!.Min, c.Quantity.Max,
                        c.Quantity.ImpliedInterval.Low, c.Quantity.ImpliedInterval.High, c.Quantity.ToString(m.Unit)))
                    .ToList()))
            .ToList();

        var periods = claims.Where(c => c.EventPeriod is not null).OrderBy(c => c.EventPeriod!.Start.Earliest)
            .Select(c => new PeriodRow(c.Id, actorNames[c.Id].Name, c.StatedOn.Earliest, c.StatedOn.Latest, c.EventPeriod!.Start.Earliest, c.EventPeriod.End.Latest, c.StatedOn.ToString(), c.EventPeriod.ToString()))
            .ToList();

        return new PropositionDetails(
            proposition.Id, proposition.Statement, proposition.Description, proposition.Assessment, proposition.AssessmentRationale,
            items.GroupBy(i => i.Stance).OrderBy(g => g.Key).Select(g => new StanceGroup(g.Key, g.ToList())).ToList(),
            IndependentOrigins.ByStance(evidence, repeats),
            evidence.SelectMany(e => e.SourceIds).Distinct().Count(),
            evidence.Select(e => originOf(e.ClaimId)).Distinct().Count(),
            estimates,
            periods);
    }
}
