using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictTracker.Web.Data.Saving;

/// <summary>
/// What every <c>SaveChanges</c> of <see cref="AppDbContext"/> does, in order, registered with the
/// database set-up (<see cref="DatabaseOptions.Configure"/>) so no save can skip it. Each save is
/// <b>one</b> SaveChanges in one transaction:
/// <list type="number">
/// <item><b>Transaction</b>: a save that touches the review queue (claims, relations, flags, candidates)
/// runs in a transaction; the caller's when it has one, else one opened here and committed after the
/// save (<see cref="SaveTransaction"/>).</item>
/// <item><b>Candidates</b>: for claims added or changed, the contradiction candidates are worked out
/// from the claims as they are about to be saved, under an advisory lock per proposition the save
/// touches (the claims' propositions before and after a move) (<see cref="CandidateRefresh"/>).</item>
/// <item><b>Notification</b>: <c>pg_notify</c> on <see cref="AppDbContext.ReviewQueueChannel"/>,
/// delivered by PostgreSQL only if the transaction commits.</item>
/// <item><b>History</b>: one change-history row per changed record, candidates included
/// (<see cref="HistoryWriter"/>): inserted at once in the transaction opened in step 1, else added to EF's
/// batch.</item>
/// <item><b>Record notification</b>: once EF has written, <c>pg_notify</c> on
/// <see cref="AppDbContext.RecordChangedChannel"/> with the changed records' ids (<see cref="RecordChanges"/>),
/// inside the save's transaction when there is one (delivered at its commit), else just after EF's own
/// committed, so a page that hears it reads what was saved.</item>
/// </list>
/// Then EF Core writes the records and candidates (and the history rows it was given) in its one batch. The
/// rules are in docs/architecture.md ("The save path").
/// </summary>
internal sealed class SavePath : SaveChangesInterceptor
{
    public static readonly SavePath Instance = new();

    private SavePath() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var db = Context(eventData);
        using var detected = ChangesDetected.Once(db);
        if (Plan.Of(db).TouchesReviewQueue)
        {
            throw new NotSupportedException(
                "Use SaveChangesAsync: saving claims, relations, flags or candidates refreshes contradiction candidates."
            );
        }

        db.PendingRecordChange = RecordChanges.Payload(db, HistoryWriter.Write(db, DateTimeOffset.UtcNow));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var db = Context(eventData);
        if (db.PendingRecordChange is { } payload)
        {
            db.PendingRecordChange = null;
            db.Database.ExecuteSql($"SELECT pg_notify({AppDbContext.RecordChangedChannel}, {payload})");
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Context(eventData).PendingRecordChange = null;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        var db = Context(eventData);
        var now = DateTimeOffset.UtcNow;
        using var detected = ChangesDetected.Once(db);
        var plan = Plan.Of(db);
        if (plan.TouchesReviewQueue)
        {
            await SaveTransaction.BeginIfNoneAsync(db, cancellationToken);
            try
            {
                if (plan.Claims.Count > 0 || plan.Speakers.Count > 0)
                {
                    await CandidateRefresh.RunAsync(db, plan.Claims, plan.Speakers, now, cancellationToken);
                    // The candidates it changed (closed, reopened) are written to the history below.
                    db.ChangeTracker.DetectChanges();
                }

                await db.Database.ExecuteSqlAsync(
                    $"SELECT pg_notify({AppDbContext.ReviewQueueChannel}, '')",
                    cancellationToken
                );
            }
            catch
            {
                await SaveTransaction.EndAsync(db, commit: false, CancellationToken.None);
                throw;
            }
        }

        try
        {
            db.PendingRecordChange = RecordChanges.Payload(
                db,
                await HistoryWriter.WriteAsync(db, now, cancellationToken)
            );
        }
        catch
        {
            await SaveTransaction.EndAsync(db, commit: false, CancellationToken.None);
            throw;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        var db = Context(eventData);
        if (db.PendingRecordChange is { } payload)
        {
            db.PendingRecordChange = null;
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_notify({AppDbContext.RecordChangedChannel}, {payload})",
                cancellationToken
            );
        }

        await SaveTransaction.EndAsync(db, commit: true, cancellationToken);
        return result;
    }

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Context(eventData).PendingRecordChange = null;
        return SaveTransaction.EndAsync(Context(eventData), commit: false, CancellationToken.None);
    }

    public override Task SaveChangesCanceledAsync(
        DbContextEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Context(eventData).PendingRecordChange = null;
        return SaveTransaction.EndAsync(Context(eventData), commit: false, CancellationToken.None);
    }

    /// <summary>
    /// The changes detected once, at the start of the save path, instead of again by every
    /// <c>Entries()</c> its steps read (each a walk over every tracked record: the claims of a batch,
    /// their candidates and their history rows). What a step changes in a tracked record it detects
    /// itself; EF Core detects once more when it writes, after the save path.
    /// </summary>
    private sealed class ChangesDetected : IDisposable
    {
        private readonly ChangeTracker tracker;
        private readonly bool automatic;

        private ChangesDetected(ChangeTracker tracker)
        {
            (this.tracker, automatic) = (tracker, tracker.AutoDetectChangesEnabled);
            tracker.DetectChanges();
            tracker.AutoDetectChangesEnabled = false;
        }

        public static ChangesDetected Once(AppDbContext db) => new(db.ChangeTracker);

        public void Dispose() => tracker.AutoDetectChangesEnabled = automatic;
    }

    private static AppDbContext Context(DbContextEventData eventData) =>
        eventData.Context as AppDbContext
        ?? throw new InvalidOperationException("The save path is for AppDbContext only.");

    /// <summary>What one save touches, read once from the change tracker.</summary>
    /// <param name="Speakers">Actors whose collective marking changes: their claims' voices change with it.</param>
    private sealed record Plan(
        IReadOnlyList<EntityEntry<Claim>> Claims,
        IReadOnlyList<Guid> Speakers,
        bool TouchesReviewQueue
    )
    {
        public static Plan Of(AppDbContext db)
        {
            var claims = db
                .ChangeTracker.Entries<Claim>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .ToList();
            var speakers = db
                .ChangeTracker.Entries<Actor>()
                .Where(e =>
                    e.State == EntityState.Modified
                    && e.Property(a => a.IsCollective).IsModified
                    && e.Property(a => a.IsCollective).OriginalValue != e.Entity.IsCollective
                )
                .Select(e => e.Entity.Id)
                .ToList();
            var queue =
                claims.Count > 0
                || speakers.Count > 0
                || db.ChangeTracker.Entries()
                    .Any(e =>
                        e.Entity is ClaimRelation or Flag or ContradictionCandidate
                        && e.State is EntityState.Added or EntityState.Modified
                    );
            return new Plan(claims, speakers, queue);
        }
    }
}
