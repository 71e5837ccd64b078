using System.Text.Json;
using ConflictTracker.Domain.History;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.History;

/// <summary>One field of one change: its value before and after (null: not set).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>The field in words: "Stated on", "Asserted by", "Quantity · qualifier".</summary>
    public string Label => HistoryNames.Label(Field);
}

/// <summary>One recorded change of a record or of one of its parts (a citation of a claim, an alias of an
/// actor).</summary>
/// <param name="ChangedBy">Who made it: the account's display name, else the author as stored ("demo data").</param>
/// <param name="Fields">Each changed field; an id among the values is shown as the record it points at
/// ("Place: Vladivostok").</param>
/// <param name="Reason">The reason for the change its author gave, if any.</param>
public sealed record HistoryEntry(
    long Id,
    string EntityType,
    ChangeAction Action,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    IReadOnlyList<FieldChange> Fields,
    string? Reason = null
);

/// <summary>The recorded changes of one record and its parts, newest first, as field-by-field differences.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    /// <summary>History no reader is shown by id: a saved search and a follow are their owner's business
    /// (docs/rules/alerts-and-comments.md), and their rows name the owner and the query.</summary>
    private static readonly string[] Personal = ["SavedSearch", "Follow"];

    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(
        Guid entityId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read history");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db
            .ChangeHistory.AsNoTracking()
            .Where(c => c.EntityId == entityId && !Personal.Contains(c.EntityType))
            .OrderByDescending(c => c.ChangedAt)
            .ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var fields = records.ToDictionary(r => r.Id, r => Fields(r.Changes));
        var ids = fields
            .Values.SelectMany(f => f)
            .SelectMany(f => new[] { f.Before, f.After })
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();
        var names = await HistoryNames.RecordsAsync(db, ids, cancellationToken);
        var authors = await HistoryNames.AuthorsAsync(
            db,
            records.Select(r => r.ChangedBy).Distinct().ToList(),
            cancellationToken
        );
        string? Named(string? value) =>
            value is not null && Guid.TryParse(value, out var id) && names.TryGetValue(id, out var name) ? name : value;
        return records
            .Select(r => new HistoryEntry(
                r.Id,
                r.EntityType,
                r.Action,
                authors.GetValueOrDefault(r.ChangedBy) ?? r.ChangedBy,
                r.ChangedAt,
                fields[r.Id].Select(f => f with { Before = Named(f.Before), After = Named(f.After) }).ToList(),
                r.Reason
            ))
            .ToList();
    }

    internal static IReadOnlyList<FieldChange> Fields(string changes)
    {
        using var document = JsonDocument.Parse(changes);
        return document
            .RootElement.EnumerateObject()
            .Select(field => new FieldChange(field.Name, Text(field.Value, "before"), Text(field.Value, "after")))
            .ToList();
    }

    private static string? Text(JsonElement change, string side) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;
}
