using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// Optimistic concurrency as every editor applies it: a record is changed at the version the editor
/// read, and a save made on an older one is refused with who changed the record and what they changed.
/// </summary>
internal static class VersionedWrites
{
    /// <summary>Loads the record for change, refusing at once when it was changed since <paramref
    /// name="version"/>.</summary>
    public static async Task<T> TrackAsync<T>(
        AppDbContext db,
        IQueryable<T> set,
        Guid id,
        uint version,
        Func<T, uint> currentVersion,
        CancellationToken cancellationToken
    )
        where T : Entity
    {
        var entity =
            await set.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw Missing(typeof(T).Name.ToLowerInvariant());
        if (currentVersion(entity) != version)
        {
            throw await ConflictAsync(db, id, currentVersion(entity), cancellationToken);
        }

        db.Entry(entity).Property("Version").OriginalValue = version;
        return entity;
    }

    /// <summary>Saves; when another editor saved record <paramref name="id"/> in between, reports who and what instead
    /// of failing.</summary>
    public static async Task SaveAsync(
        AppDbContext db,
        IDbContextFactory<AppDbContext> contextFactory,
        Guid? id,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (id is not null)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var entry = db
                .ChangeTracker.Entries()
                .First(e =>
                    e.Metadata.FindProperty("Version") is not null && e.Property("Id").CurrentValue is Guid g && g == id
                );
            var values = await entry.GetDatabaseValuesAsync(cancellationToken);
            throw await ConflictAsync(fresh, id.Value, values?.GetValue<uint>("Version") ?? 0, cancellationToken);
        }
    }

    /// <summary>Who saved the record last, and what they changed: the newest entry of its history.</summary>
    public static async Task<ConcurrencyConflictException> ConflictAsync(
        AppDbContext db,
        Guid id,
        uint current,
        CancellationToken cancellationToken
    )
    {
        var latest = await db
            .ChangeHistory.AsNoTracking()
            .Where(c => c.EntityId == id)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return new ConcurrencyConflictException("Another editor", DateTimeOffset.UtcNow, [], current);
        }

        // One save can write several rows (the claim, a place, a citation): show them all.
        var save = await db
            .ChangeHistory.AsNoTracking()
            .Where(c => c.EntityId == id && c.ChangedAt == latest.ChangedAt && c.ChangedBy == latest.ChangedBy)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var fields = save.SelectMany(c =>
                HistoryService
                    .Fields(c.Changes)
                    .Where(f => f.Field != "Id")
                    .Select(f =>
                        c.EntityType is "Claim" or "Actor" or "Source" or "Proposition"
                            ? f
                            : f with
                            {
                                Field = $"{c.EntityType} {f.Field}",
                            }
                    )
            )
            .ToList();
        return new ConcurrencyConflictException(latest.ChangedBy, latest.ChangedAt, fields, current);
    }

    public static DomainValidationException Missing(string what) => new(what, $"There is no such {what}.");
}
