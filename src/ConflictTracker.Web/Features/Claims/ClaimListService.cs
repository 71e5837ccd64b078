using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>Reads claims for the claims page, newest statement first. Retracted claims are left out.</summary>
public sealed class ClaimListService(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<IReadOnlyList<ClaimListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from claim in db.Claims.AsNoTracking()
                join actor in db.Actors on claim.AssertedById equals actor.Id
                join proposition in db.Propositions on claim.PropositionId equals proposition.Id
                join behalf in db.Actors on claim.OnBehalfOfId equals behalf.Id into behalves
                from behalf in behalves.DefaultIfEmpty()
                join measure in db.Measures on claim.MeasureId equals measure.Id into measures
                from measure in measures.DefaultIfEmpty()
                where claim.Status != ClaimStatus.Retracted
                orderby claim.StatedOn.Date descending, actor.Name
                select new
                {
                    claim.Id,
                    Actor = actor.Name,
                    OnBehalfOf = behalf == null ? null : behalf.Name,
                    claim.Stance,
                    claim.StatedOn,
                    claim.Summary,
                    claim.Quantity,
                    Unit = measure == null ? null : measure.Unit,
                    claim.EventPeriod,
                    Proposition = proposition.Statement,
                    Places = claim.Places.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return rows.Select(r => new ClaimListItem(
                r.Id,
                r.Actor,
                r.OnBehalfOf,
                r.Stance,
                r.StatedOn.ToString(),
                r.StatedOn.Date,
                r.Summary,
                r.Quantity?.ToString(r.Unit),
                r.EventPeriod?.ToString(),
                r.Proposition,
                r.Places))
            .ToList();
    }
}
