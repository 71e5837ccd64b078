using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.History;

/// <summary>
/// What the history shows instead of ids and field names (docs/rules/history.md): a record an id points
/// at by its kind and name ("Place: Vladivostok", "Actor: Kyrylo Budanov"), a field by its words
/// ("Stated on", "Asserted by"), and an author by their display name.
/// </summary>
internal static class HistoryNames
{
    private const int MaxShown = 90;

    /// <summary>"StatedOn.Date" reads "Stated on", "AssertedById" "Asserted by", "Quantity.Qualifier"
    /// "Quantity · qualifier".</summary>
    public static string Label(string field)
    {
        var parts = field.Split('.').ToList();
        if (parts.Count > 1 && parts[^1] == "Date")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(
            " · ",
            parts.Select(
                (part, i) =>
                {
                    var name = part.Length > 2 && part.EndsWith("Id", StringComparison.Ordinal) ? part[..^2] : part;
                    return i == 0 ? Shared.Display.Label(name) : Shared.Display.Words(name);
                }
            )
        );
    }

    /// <summary>The records <paramref name="ids"/> point at, by kind and name; ids of nothing known are left
    /// out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> RecordsAsync(
        AppDbContext db,
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken
    )
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }

        void Add(IEnumerable<(Guid Id, string Name)> rows, string kind)
        {
            foreach (var (id, name) in rows)
            {
                names.TryAdd(id, $"{kind}: {Shorten(name)}");
            }
        }

        Add(
            (
                await db
                    .Actors.Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Name })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Name)),
            "Actor"
        );
        Add(
            (
                await db
                    .Places.Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Name })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Name)),
            "Place"
        );
        Add(
            (
                await db
                    .Propositions.Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Statement })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Statement)),
            "Proposition"
        );
        Add(
            (
                await db
                    .Measures.Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, m.Name })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Name)),
            "Measure"
        );
        Add(
            (
                await db
                    .Sources.Where(s => ids.Contains(s.Id))
                    .Select(s => new { s.Id, s.Title })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Title)),
            "Source"
        );
        Add(
            (
                await db
                    .Claims.Where(c => ids.Contains(c.Id))
                    .Select(c => new { c.Id, c.Summary })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Summary)),
            "Claim"
        );
        Add(
            (
                await db
                    .Citations.Where(c => ids.Contains(c.Id))
                    .Join(db.Sources, c => c.SourceId, s => s.Id, (c, s) => new { c.Id, s.Title })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Title)),
            "Citation of"
        );
        Add(
            (
                await db
                    .ActorAliases.Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Name })
                    .ToListAsync(cancellationToken)
            ).Select(r => (r.Id, r.Name)),
            "Alias"
        );
        return names;
    }

    /// <summary>The display names of the accounts whose e-mail addresses (user names) are
    /// <paramref name="authors"/>; other authors ("demo data", "contradiction rules") are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AuthorsAsync(
        AppDbContext db,
        IReadOnlyCollection<string> authors,
        CancellationToken cancellationToken
    )
    {
        var normalised = authors.Select(a => a.ToUpperInvariant()).ToList();
        var users = await db
            .Users.Where(u => u.NormalizedUserName != null && normalised.Contains(u.NormalizedUserName))
            .Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return users
            .Where(u => u.UserName is not null && u.DisplayName.Length > 0)
            .ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
    }

    private static string Shorten(string text) => text.Length <= MaxShown ? text : text[..(MaxShown - 1)] + "…";
}
