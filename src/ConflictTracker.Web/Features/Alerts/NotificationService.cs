using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>The signed-in user's notification list: newest first, a page at a time, marked read one by one or all at
/// once. Nobody sees or marks another user's notifications.</summary>
public sealed class NotificationService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    TimeProvider clock
)
{
    public const int PageSize = 30;

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "see notifications");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, cancellationToken);
    }

    /// <summary>The page of notifications older than <paramref name="before"/> (an id from the previous
    /// page).</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(
        long? before = null,
        bool unreadOnly = false,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "see notifications");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Notifications.AsNoTracking()
            .Where(n => n.UserId == me && (before == null || n.Id < before) && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id)
            .Take(PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the user's notifications read; someone else's is left alone (and reported as not
    /// found).</summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "mark notifications read");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var at = clock.GetUtcNow();
        var changed = await db
            .Notifications.Where(n => n.Id == id && n.UserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? at), cancellationToken);
        return changed > 0;
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "mark notifications read");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var at = clock.GetUtcNow();
        return await db
            .Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, at), cancellationToken);
    }
}

public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    string Title,
    string Link,
    DateTimeOffset CreatedAt,
    bool Read
);
