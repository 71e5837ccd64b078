using ConflictTracker.Domain.Review;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>What makes queue items tell apart at a glance: both speakers, both figures, and who has the item.</summary>
internal static class QueueItemDetails
{
    public static async Task<List<QueueItem>> AddAsync(
        AppDbContext db,
        List<QueueItem> items,
        CancellationToken cancellationToken
    )
    {
        if (items.Count == 0)
        {
            return items;
        }

        var claimIds = items
            .Select(i => i.FirstClaimId)
            .Concat(items.Where(i => i.SecondClaimId is not null).Select(i => i.SecondClaimId!.Value))
            .Distinct()
            .ToList();
        var claims = (
            await (
                from claim in db.Claims.AsNoTracking()
                where claimIds.Contains(claim.Id)
                join actor in db.Actors on claim.AssertedById equals actor.Id
                select new
                {
                    claim.Id,
                    Speaker = actor.Name,
                    claim.Quantity,
                }
            ).ToListAsync(cancellationToken)
        ).ToDictionary(c => c.Id);
        var itemIds = items.Select(i => i.Id).ToList();
        var assigned = await db.Set<ReviewAssignment>()
            .AsNoTracking()
            .Where(a => itemIds.Contains(a.Id) && a.AssignedTo != null)
            .ToDictionaryAsync(a => a.Id, a => a.AssignedTo, cancellationToken);
        return items
            .Select(i =>
            {
                var first = claims.GetValueOrDefault(i.FirstClaimId);
                var second = i.SecondClaimId is { } id ? claims.GetValueOrDefault(id) : null;
                return i with
                {
                    FirstSpeaker = first?.Speaker,
                    FirstFigure = first?.Quantity?.ToString(),
                    SecondSpeaker = i.IsGroup ? null : second?.Speaker,
                    SecondFigure = i.IsGroup ? null : second?.Quantity?.ToString(),
                    AssignedTo = assigned.GetValueOrDefault(i.Id),
                };
            })
            .ToList();
    }
}
