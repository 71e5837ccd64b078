using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// A user's saved searches (docs/rules/alerts-and-comments.md): each user sees and changes only their own; names are
/// unique per user (ignoring case); every change is in the change history. Someone else's search is "not found".
/// </summary>
public sealed class SavedSearchService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    TimeProvider clock
)
{
    public async Task<IReadOnlyList<SavedSearchView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "see saved searches");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var searches = await db
            .SavedSearches.AsNoTracking()
            .Where(s => s.UserId == me && s.RemovedAt == null)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return searches.Select(View).ToList();
    }

    /// <summary>The user's own search, or null (also for someone else's).</summary>
    public async Task<SavedSearchView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "see saved searches");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var search = await db
            .SavedSearches.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.UserId == me && s.RemovedAt == null, cancellationToken);
        return search is null ? null : View(search);
    }

    /// <summary>Saves a new search; <paramref name="query"/> is the explorer's address or its query string.</summary>
    public async Task<Guid> CreateAsync(
        string? name,
        string? query,
        bool notify,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "save searches");
        var errors = new ValidationErrors();
        var normalised = errors.Check(() => SavedQuery.Normalise(query));
        var search = errors.Check(() => SavedSearch.Create(me, name, normalised ?? "", notify, clock.GetUtcNow()));
        errors.ThrowIfAny();
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        await CheckNameFreeAsync(db, me, search!.Name, null, cancellationToken);
        db.SavedSearches.Add(search);
        await SaveAsync(db, search.Id, cancellationToken);
        return search.Id;
    }

    /// <summary>Renames a search, changes its query or whether it notifies, at the version read.</summary>
    /// <returns>The search's new version (its ETag).</returns>
    public async Task<uint> ChangeAsync(
        Guid id,
        uint version,
        string? name,
        string? query,
        bool notify,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "change saved searches");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var search = await TrackAsync(db, me, id, version, cancellationToken);
        var errors = new ValidationErrors();
        var normalised = errors.Check(() => SavedQuery.Normalise(query));
        errors.Check(() => search.Change(name, normalised ?? "", notify));
        errors.ThrowIfAny();
        await CheckNameFreeAsync(db, me, search.Name, id, cancellationToken);
        await SaveAsync(db, id, cancellationToken);
        return search.Version;
    }

    /// <summary>Removes a search: it stops notifying and its feed answers 404; the row and its history stay.</summary>
    public async Task RemoveAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "remove saved searches");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var search = await TrackAsync(db, me, id, version, cancellationToken);
        search.Remove(clock.GetUtcNow());
        await SaveAsync(db, id, cancellationToken);
    }

    private static async Task<SavedSearch> TrackAsync(
        AppDbContext db,
        Guid me,
        Guid id,
        uint version,
        CancellationToken cancellationToken
    )
    {
        var search =
            await db.SavedSearches.SingleOrDefaultAsync(
                s => s.Id == id && s.UserId == me && s.RemovedAt == null,
                cancellationToken
            ) ?? throw new RecordNotFoundException("saved search", id);
        if (search.Version != version)
        {
            throw await VersionedWrites.ConflictAsync(db, id, search.Version, cancellationToken);
        }

        db.Entry(search).Property(s => s.Version).OriginalValue = version;
        return search;
    }

    private static async Task CheckNameFreeAsync(
        AppDbContext db,
        Guid me,
        string name,
        Guid? except,
        CancellationToken cancellationToken
    )
    {
        var names = await db
            .SavedSearches.Where(s => s.UserId == me && s.RemovedAt == null && s.Id != except)
            .Select(s => s.Name)
            .ToListAsync(cancellationToken);
        if (names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw NameTaken(name);
        }
    }

    private async Task SaveAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: "23505" })
        {
            // Saved at the same moment under the same name (the unique index): the same message as the check.
            throw NameTaken(db.ChangeTracker.Entries<SavedSearch>().First().Entity.Name);
        }
    }

    private static DomainValidationException NameTaken(string name) =>
        new("Name", $"You already have a saved search called “{name}”; choose another name.");

    private static SavedSearchView View(SavedSearch s) =>
        new(s.Id, s.Name, s.Query, SavedQuery.Link(s.Query), s.Notify, s.CreatedAt, s.Version);
}

/// <summary>A saved search as its owner sees it; <see cref="Link"/> opens it in the claims explorer.</summary>
public sealed record SavedSearchView(
    Guid Id,
    string Name,
    string Query,
    string Link,
    bool Notify,
    DateTimeOffset CreatedAt,
    uint Version
);
