using System.Text.Json;
using ConflictTracker.Domain.History;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.History;

/// <summary>One field of one change: its value before and after (null: not set).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One recorded change of a record or of one of its parts (a citation of a claim, an alias of an
/// actor).</summary>
public sealed record HistoryEntry(
    long Id,
    string EntityType,
    ChangeAction Action,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    IReadOnlyList<FieldChange> Fields
);

/// <summary>The recorded changes of one record and its parts, newest first, as field-by-field differences.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(
        Guid entityId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read history");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db
            .ChangeHistory.AsNoTracking()
            .Where(c => c.EntityId == entityId)
            .OrderByDescending(c => c.ChangedAt)
            .ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return records
            .Select(r => new HistoryEntry(r.Id, r.EntityType, r.Action, r.ChangedBy, r.ChangedAt, Fields(r.Changes)))
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
