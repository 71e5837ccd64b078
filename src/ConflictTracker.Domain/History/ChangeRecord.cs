namespace ConflictTracker.Domain.History;

/// <summary>
/// One entry of the append-only change history: who changed which record, when, and each changed
/// field's value before and after (as a JSON object <c>{"Field": {"before": ..., "after": ...}}</c>).
/// The database refuses updates and deletes of these rows.
/// </summary>
public sealed class ChangeRecord
{
    public ChangeRecord(
        string entityType,
        Guid entityId,
        ChangeAction action,
        string changedBy,
        DateTimeOffset changedAt,
        string changes,
        string? reason = null
    )
    {
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Changes = changes;
        Reason = reason;
    }

    public long Id { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    public ChangeAction Action { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string Changes { get; private set; }

    /// <summary>Why the change was made, as its author gave it (optional; at most <see
    /// cref="Common.MaxLengths.ChangeReason"/> characters): every row of one save carries the same reason.</summary>
    public string? Reason { get; private set; }
}
