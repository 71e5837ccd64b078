using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Search;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Records;

/// <summary>
/// The search's synonym list (docs/rules/search.md, "Synonyms"). Everyone who searches reads it through the search;
/// only admins list and change it, and every change is in the change history under the group's id.
/// </summary>
public sealed class SynonymService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<IReadOnlyList<SynonymGroupView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Administer, "see the synonym list");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.SynonymGroups.AsNoTracking().ToListAsync(cancellationToken);
        return groups
            .OrderByDescending(g => g.Active)
            .ThenBy(g => g.Terms[0], StringComparer.Ordinal)
            .Select(g => new SynonymGroupView(g.Id, g.Terms, g.Note, g.Active, g.Version))
            .ToList();
    }

    /// <summary>
    /// Groups most searches of this domain want, offered to the admin on the synonym page rather than put in by the
    /// migration: a new instance starts empty (a full export restores only into an empty one).
    /// </summary>
    public static readonly IReadOnlyList<(string[] Terms, string Note)> StarterList =
    [
        (
            ["troops", "soldiers", "servicemen", "military personnel"],
            "People under arms, however a statement counts them."
        ),
        (["shells", "artillery shells", "rounds", "ammunition"], "Artillery ammunition."),
        (["dprk", "north korea", "pyongyang"], "North Korea by its other names."),
    ];

    /// <summary>Adds the <see cref="StarterList"/> groups whose first term is in no group yet; returns how many were
    /// added.</summary>
    public async Task<int> AddStarterListAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Administer, "change the synonym list");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var firsts = StarterList.Select(g => g.Terms[0]).ToList();
        var present = await db
            .SynonymGroups.Where(g => g.Terms.Any(t => firsts.Contains(t)))
            .Select(g => g.Terms)
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var (terms, note) in StarterList.Where(s => !present.Any(p => p.Contains(s.Terms[0]))))
        {
            db.SynonymGroups.Add(SynonymGroup.Create(terms, note));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Adds a group; terms are split on commas and new lines.</summary>
    public async Task<Guid> AddAsync(string? terms, string? note, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Administer, "change the synonym list");
        var group = SynonymGroup.Create(Split(terms), note);
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.SynonymGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    /// <summary>Changes a group's terms, note or whether it is in use; refused when someone changed it since
    /// <paramref name="version"/> was read.</summary>
    public async Task ChangeAsync(
        Guid id,
        uint version,
        string? terms,
        string? note,
        bool active,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Administer, "change the synonym list");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var group =
            await db.SynonymGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("synonym group", id);
        if (group.Version != version)
        {
            throw Conflict();
        }

        group.Change(Split(terms), note, active);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
    }

    public static IEnumerable<string> Split(string? terms) =>
        (terms ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DomainValidationException Conflict() =>
        new("Version", "Someone changed this synonym group meanwhile; the page shows it as it is now.");
}

public sealed record SynonymGroupView(Guid Id, IReadOnlyList<string> Terms, string? Note, bool Active, uint Version);
