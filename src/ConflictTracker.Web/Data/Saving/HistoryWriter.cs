using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConflictTracker.Web.Data.Saving;

/// <summary>
/// Turns the tracked changes of one SaveChanges into change-history rows, in the same transaction:
/// one row per changed record with every changed field's value before and after. Parts of a record
/// (an actor's alias, a proposition's measure, a claim's citation or place) are filed under the
/// record they belong to, so a claim's history shows its sources too. The rules are in
/// docs/rules/history.md.
/// </summary>
internal static class HistoryWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Adds the history rows of the changes about to be saved to the context (a step of <see
    /// cref="SavePath"/>).</summary>
    public static IReadOnlyList<ChangeRecord> Write(AppDbContext db, DateTimeOffset at)
    {
        var records = Collect(db.ChangeTracker, db.ChangedBy, at, db.ChangeReason);
        db.ChangeHistory.AddRange(records);
        return records;
    }

    /// <summary>
    /// Writes the history rows of the changes about to be saved (a step of <see cref="SavePath"/>). In a
    /// transaction the save opened itself they are inserted here, in one statement, instead of going
    /// through EF Core's batch as tracked records (at a thousand rows, half of what EF Core would sort and
    /// bind); if the save then fails, that transaction is rolled back with them (by <see cref="SavePath"/>, or by
    /// <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/> for a stale version). In the caller's
    /// transaction, which the caller may go on with after a failed save, they go with EF Core's batch,
    /// so they are written only if the records are.
    /// </summary>
    public static async Task<IReadOnlyList<ChangeRecord>> WriteAsync(
        AppDbContext db,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var records = Collect(db.ChangeTracker, db.ChangedBy, at, db.ChangeReason);
        if (db.OwnSaveTransaction is null || records.Count == 0)
        {
            db.ChangeHistory.AddRange(records);
            return records;
        }

        string[] types = [.. records.Select(r => r.EntityType)],
            actions = [.. records.Select(r => r.Action.ToString())],
            authors = [.. records.Select(r => r.ChangedBy)],
            changes = [.. records.Select(r => r.Changes)];
        Guid[] ids = [.. records.Select(r => r.EntityId)];
        DateTimeOffset[] times = [.. records.Select(r => r.ChangedAt)];
        string?[] reasons = [.. records.Select(r => r.Reason)];
        // In the order collected: the identity column numbers them as EF Core would have.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO change_history (entity_type, entity_id, action, changed_by, changed_at, changes, reason)
            SELECT r.entity_type, r.entity_id, r.action, r.changed_by, r.changed_at, r.changes::jsonb, r.reason
            FROM unnest({types}, {ids}, {actions}, {authors}, {times}, {changes}, {reasons})
                 WITH ORDINALITY AS r(entity_type, entity_id, action, changed_by, changed_at, changes, reason, n)
            ORDER BY r.n
            """,
            cancellationToken
        );
        return records;
    }

    public static IReadOnlyList<ChangeRecord> Collect(
        ChangeTracker tracker,
        string? changedBy,
        DateTimeOffset at,
        string? reason = null
    )
    {
        var records = new List<ChangeRecord>();
        foreach (
            var entry in tracker
                .Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .ToList()
        )
        {
            if (Root(entry) is not { } root)
            {
                continue;
            }

            if (changedBy is null)
            {
                throw new InvalidOperationException(
                    $"A change to {entry.Metadata.ClrType.Name} would be saved without an author: set AppDbContext.ChangedBy first."
                );
            }

            if (entry.State == EntityState.Deleted && !root.IsPart)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} records are never deleted; retract them instead."
                );
            }

            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            records.Add(
                new ChangeRecord(
                    root.Type,
                    root.Id,
                    Action(entry, root),
                    changedBy,
                    at,
                    changes.ToJsonString(Json),
                    reason
                )
            );
        }

        return records;
    }

    /// <summary>The record an entry is filed under; null for what has no history (accounts, keys, history
    /// itself).</summary>
    private static (string Type, Guid Id, bool IsPart)? Root(EntityEntry entry) =>
        entry.Entity switch
        {
            Actor a => (nameof(Actor), a.Id, false),
            ActorAlias alias => (nameof(ActorAlias), alias.ActorId, true),
            Affiliation affiliation => (nameof(Affiliation), affiliation.Id, false),
            Source source => (nameof(Source), source.Id, false),
            SourceSnapshot snapshot => (nameof(SourceSnapshot), snapshot.SourceId, true),
            Proposition proposition => (nameof(Proposition), proposition.Id, false),
            Measure measure => (nameof(Measure), measure.PropositionId, true),
            Place place => (nameof(Place), place.Id, false),
            Claim claim => (nameof(Claim), claim.Id, false),
            Citation citation => (nameof(Citation), citation.ClaimId, true),
            ClaimRelation relation => (nameof(ClaimRelation), relation.Id, false),
            Flag flag => (nameof(Flag), flag.Id, false),
            ContradictionCandidate candidate => (nameof(ContradictionCandidate), candidate.Id, false),
            EvidenceFile file => (nameof(EvidenceFile), file.Id, false),
            Attachment attachment => (nameof(Attachment), attachment.SourceId, true),
            Domain.Search.SynonymGroup group => (nameof(Domain.Search.SynonymGroup), group.Id, false),
            Domain.Review.ReviewAssignment assignment => (nameof(Domain.Review.ReviewAssignment), assignment.Id, false),
            Alerts.SavedSearch search => (nameof(Alerts.SavedSearch), search.Id, false),
            Alerts.Follow follow => (nameof(Alerts.Follow), follow.Id, false),
            Alerts.Comment comment => (nameof(Alerts.Comment), comment.Id, false),
            Dictionary<string, object> bag
                when entry.Metadata.Name == "claim_places" && bag.TryGetValue("claim_id", out var claimId) => (
                "ClaimPlace",
                (Guid)claimId,
                true
            ),
            _ => null,
        };

    private static ChangeAction Action(EntityEntry entry, (string Type, Guid Id, bool IsPart) root)
    {
        if (entry.State == EntityState.Added)
        {
            return root.IsPart ? ChangeAction.Updated : ChangeAction.Created;
        }

        if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Status") is { } status)
        {
            var property = entry.Property(status.Name);
            var before = property.OriginalValue?.ToString();
            var after = property.CurrentValue?.ToString();
            if (before != after && after == "Retracted")
            {
                return ChangeAction.Retracted;
            }

            if (before != after && before == "Retracted")
            {
                return ChangeAction.Restored;
            }
        }

        return ChangeAction.Updated;
    }

    /// <summary>{"Field": {"before": ..., "after": ...}} for every field that is new, changed or removed.</summary>
    private static JsonObject Changes(EntityEntry entry)
    {
        var changes = new JsonObject();
        if (entry.Metadata.IsPropertyBag)
        {
            // A row of a many-to-many join: the place added to or taken off the claim.
            var place = entry.Property("place_id").CurrentValue;
            changes["Place"] = Change(
                entry.State == EntityState.Added ? null : place,
                entry.State == EntityState.Added ? place : null
            );
            return changes;
        }

        AddProperties(changes, entry.Properties, entry.State, prefix: "");
        foreach (var complex in entry.ComplexProperties)
        {
            AddComplex(changes, complex, entry.State, complex.Metadata.Name + ".");
        }

        if (
            changes.Count > 0
            && Root(entry) is { IsPart: true }
            && entry.Metadata.FindPrimaryKey()?.Properties.SingleOrDefault() is { } key
        )
        {
            // A part's own id, so its changes can be told apart from its siblings' (two citations of one claim).
            var id = entry.Property(key.Name).CurrentValue;
            changes["Id"] = entry.State switch
            {
                EntityState.Added => Change(null, id),
                EntityState.Deleted => Change(id, null),
                _ => Change(id, id),
            };
        }

        return changes;
    }

    private static void AddComplex(JsonObject changes, ComplexPropertyEntry complex, EntityState state, string prefix)
    {
        AddProperties(changes, complex.Properties, state, prefix);
        foreach (var inner in complex.ComplexProperties)
        {
            AddComplex(changes, inner, state, prefix + inner.Metadata.Name + ".");
        }
    }

    private static void AddProperties(
        JsonObject changes,
        IEnumerable<PropertyEntry> properties,
        EntityState state,
        string prefix
    )
    {
        foreach (var property in properties)
        {
            var metadata = property.Metadata;
            if (
                metadata.IsPrimaryKey()
                || metadata.IsConcurrencyToken
                || metadata.GetComputedColumnSql() is not null
                || metadata.IsShadowProperty()
            )
            {
                continue;
            }

            var before = state == EntityState.Added ? null : property.OriginalValue;
            var after = state == EntityState.Deleted ? null : property.CurrentValue;
            if (state == EntityState.Added ? after is null : Equals(before, after))
            {
                continue;
            }

            changes[prefix + metadata.Name] = Change(before, after);
        }
    }

    private static JsonObject Change(object? before, object? after) =>
        new()
        {
            ["before"] = JsonSerializer.SerializeToNode(Plain(before), Json),
            ["after"] = JsonSerializer.SerializeToNode(Plain(after), Json),
        };

    private static object? Plain(object? value) =>
        value switch
        {
            Uri uri => uri.OriginalString,
            _ => value,
        };
}
