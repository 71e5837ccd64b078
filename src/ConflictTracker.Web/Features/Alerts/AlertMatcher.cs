using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// Turns the change history into notifications (docs/rules/alerts-and-comments.md): reads the history rows past its
/// cursor (stored in the database, so a restart goes on where it stopped), works out who is to be told of what
/// (<see cref="AlertEvents"/>), stores one notification per user and event (a unique key: an event seen twice is
/// stored once) and moves the cursor, all in one transaction, then names the users told on
/// <see cref="AppDbContext.NotificationsChannel"/>. One instance matches at a time (an advisory lock).
/// </summary>
public sealed partial class AlertMatcher(IDbContextFactory<AppDbContext> contextFactory, ILogger<AlertMatcher> logger)
{
    public const int BatchSize = 500;

    /// <summary>
    /// History rows are numbered when written but visible when committed, so a slow save can appear behind the
    /// cursor: rows of the last minute this far behind it are read again (their notifications are not repeated).
    /// </summary>
    public static readonly TimeSpan LateCommitWindow = TimeSpan.FromMinutes(1);

    private const int LateRows = 1000;
    private const long LockKey = 0x43_54_41_4CL << 32; // "CTAL"

    /// <summary>Matches everything up to the end of the history; returns how many notifications were stored.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        var first = true;
        while (true)
        {
            var (stored, more) = await BatchAsync(rescanLate: first, cancellationToken);
            total += stored;
            first = false;
            if (!more)
            {
                return total;
            }
        }
    }

    private async Task<(int Stored, bool More)> BatchAsync(bool rescanLate, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db
            .Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            // Another instance is matching; it will see these rows.
            return (0, false);
        }

        var cursor =
            await db.AlertCursors.SingleOrDefaultAsync(c => c.Name == AlertCursor.Matcher, cancellationToken)
            ?? db.AlertCursors.Add(new AlertCursor()).Entity;
        var last = cursor.LastChangeId;
        var late = DateTimeOffset.UtcNow - LateCommitWindow;
        var rows = await db
            .ChangeHistory.AsNoTracking()
            .Where(h => h.Id > last || (rescanLate && h.Id > last - LateRows && h.ChangedAt > late))
            .OrderBy(h => h.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (0, false);
        }

        var notifications = await new AlertEvents(db, LogBadSearch).NotificationsAsync(rows, cancellationToken);
        var told = new HashSet<Guid>();
        var stored = 0;
        foreach (var n in notifications)
        {
            var added = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO notifications (user_id, kind, event_key, title, link, created_at)
                VALUES ({n.UserId}, {n.Kind.ToString()}, {n.EventKey}, {n.Title}, {n.Link}, {n.CreatedAt})
                ON CONFLICT (user_id, event_key) DO NOTHING
                """,
                cancellationToken
            );
            if (added > 0)
            {
                told.Add(n.UserId);
                stored += added;
            }
        }

        cursor.LastChangeId = Math.Max(last, rows[^1].Id);
        await db.SaveChangesAsync(cancellationToken);
        await NotificationNotifier.SendAsync(db.Database, told, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (told.Count > 0)
        {
            LogStored(stored, told.Count, rows[0].Id, rows[^1].Id);
        }

        return (stored, rows.Count == BatchSize);
    }

    private void LogBadSearch(Guid search, Exception exception) => LogSkipped(exception, search);

    [LoggerMessage(
        EventId = 6101,
        Level = LogLevel.Information,
        Message = "Alert matcher stored {Notifications} notifications for {Users} users from changes {From}..{To}"
    )]
    private partial void LogStored(int notifications, int users, long from, long to);

    [LoggerMessage(
        EventId = 6102,
        Level = LogLevel.Warning,
        Message = "Saved search {SavedSearch} could not be matched and was skipped"
    )]
    private partial void LogSkipped(Exception exception, Guid savedSearch);
}
