using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Home;

public sealed record HomeSummary(
    IReadOnlyList<ClaimListItem> RecentClaims,
    IReadOnlyList<DisputedProposition> MostDisputed,
    IReadOnlyList<FlagView> OpenFlags,
    int Claims,
    int Actors,
    int Sources
);

public sealed class HomeService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<HomeSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read the overview");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.Published);

        var recent = (
            await ClaimSearchService
                .Project(db, published.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(8))
                .ToListAsync(cancellationToken)
        )
            .Select(r => r.ToItem())
            .ToList();

        // Most disputed first: the more claims on the weaker side of affirms-vs-denies, the more disputed.
        var disputed = (await PropositionListService.StanceCountsAsync(db, cancellationToken))
            .Where(p => p.Denies > 0)
            .OrderByDescending(p => Math.Min(p.Affirms, p.Denies))
            .ThenByDescending(p => p.Denies + p.Hedges)
            .Take(5)
            .ToList();

        var flags = await db
            .Flags.AsNoTracking()
            .Where(f => f.Status == FlagStatus.Open)
            .OrderByDescending(f => f.RaisedAt)
            .Take(10)
            .Select(f => new FlagView(f.Id, f.Kind, f.Comment, f.RaisedBy, f.RaisedAt, f.ClaimId))
            .ToListAsync(cancellationToken);

        return new HomeSummary(
            recent,
            disputed,
            flags,
            await published.CountAsync(cancellationToken),
            await db.Actors.CountAsync(cancellationToken),
            await db.Sources.CountAsync(cancellationToken)
        );
    }
}
