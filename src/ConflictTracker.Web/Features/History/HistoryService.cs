using ConflictTracker.Domain.History;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.History;

/// <summary>The recorded changes of one record, oldest first.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<IReadOnlyList<ChangeRecord>> ForAsync(Guid entityId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read history");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChangeHistory.AsNoTracking().Where(c => c.EntityId == entityId).OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }
}
