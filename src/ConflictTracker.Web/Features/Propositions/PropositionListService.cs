using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>The propositions list: every proposition with its published claims counted by stance.</summary>
public sealed class PropositionListService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    /// <summary>Every proposition with its published claims counted by stance, most claims first.</summary>
    public async Task<IReadOnlyList<DisputedProposition>> PropositionsAsync(
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "list propositions");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await StanceCountsAsync(db, cancellationToken))
            .OrderByDescending(p => p.Affirms + p.Denies + p.Hedges + p.Neutral)
            .ThenBy(p => p.Proposition.Name)
            .ToList();
    }

    /// <summary>Every proposition with its published claims counted by stance, in no order (the home page picks the
    /// most disputed).</summary>
    internal static async Task<IReadOnlyList<DisputedProposition>> StanceCountsAsync(
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var counts = await db
            .Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Published)
            .GroupBy(c => new { c.PropositionId, c.Stance })
            .Select(g => new
            {
                g.Key.PropositionId,
                g.Key.Stance,
                Count = g.Count(),
            })
            .ToListAsync(cancellationToken);
        var statements = await db
            .Propositions.AsNoTracking()
            .Select(p => new { p.Id, p.Statement })
            .ToListAsync(cancellationToken);
        int Count(Guid proposition, Stance stance) =>
            counts.Where(c => c.PropositionId == proposition && c.Stance == stance).Sum(c => c.Count);
        return statements
            .Select(p => new DisputedProposition(
                new EntityRef(p.Id, p.Statement),
                Count(p.Id, Stance.Affirms),
                Count(p.Id, Stance.Denies),
                Count(p.Id, Stance.Hedges),
                Count(p.Id, Stance.Neutral)
            ))
            .ToList();
    }
}
