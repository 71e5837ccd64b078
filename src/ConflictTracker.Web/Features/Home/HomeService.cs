using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.Home;

/// <summary>A proposition with its claims counted by stance; "disputed" means it is both affirmed and denied.</summary>
public sealed record DisputedProposition(EntityRef Proposition, int Affirms, int Denies, int Hedges, int Neutral);

public sealed record HomeSummary(IReadOnlyList<ClaimListItem> RecentClaims, IReadOnlyList<DisputedProposition> MostDisputed, IReadOnlyList<FlagView> OpenFlags, int Claims, int Actors, int Sources);

public sealed class HomeService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<HomeSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read the overview");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.Published);

        var recent = (await ClaimSearchService.Project(db, published.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(8)).ToListAsync(cancellationToken))
            .Select(r => r.ToItem()).ToList();

        // Most disputed first: the more claims on the weaker side of affirms-vs-denies, the more disputed.
        var disputed = (await StanceCountsAsync(db, cancellationToken))
            .Where(p => p.Denies > 0)
            .OrderByDescending(p => Math.Min(p.Affirms, p.Denies)).ThenByDescending(p => p.Denies + p.Hedges).Take(5).ToList();

        var flags = await db.Flags.AsNoTracking().Where(f => f.Status == FlagStatus.Open).OrderByDescending(f => f.RaisedAt).Take(10)
            .Select(f => new FlagView(f.Id, f.Kind, f.Comment, f.RaisedBy, f.RaisedAt, f.ClaimId)).ToListAsync(cancellationToken);

        return new HomeSummary(recent, disputed, flags, await published.CountAsync(cancellationToken), await db.Actors.CountAsync(cancellationToken), await db.Sources.CountAsync(cancellationToken));
    }

    /// <summary>Every proposition with its published claims counted by stance, most claims first.</summary>
    public async Task<IReadOnlyList<DisputedProposition>> PropositionsAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "list propositions");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await StanceCountsAsync(db, cancellationToken)).OrderByDescending(p => p.Affirms + p.Denies + p.Hedges + p.Neutral).ThenBy(p => p.Proposition.Name).ToList();
    }

    private static async Task<IReadOnlyList<DisputedProposition>> StanceCountsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.Published)
            .GroupBy(c => new { c.PropositionId, c.Stance }).Select(g => new { g.Key.PropositionId, g.Key.Stance, Count = g.Count() }).ToListAsync(cancellationToken);
        var statements = await db.Propositions.AsNoTracking().Select(p => new { p.Id, p.Statement }).ToListAsync(cancellationToken);
        int Count(Guid proposition, Stance stance) => counts.Where(c => c.PropositionId == proposition && c.Stance == stance).Sum(c => c.Count);
        return statements
            .Select(p => new DisputedProposition(new EntityRef(p.Id, p.Statement), Count(p.Id, Stance.Affirms), Count(p.Id, Stance.Denies), Count(p.Id, Stance.Hedges), Count(p.Id, Stance.Neutral)))
            .ToList();
    }
}
