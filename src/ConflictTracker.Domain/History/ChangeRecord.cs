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
        string changes
    )
    {
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Changes = changes;
    }

    public long Id { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    public ChangeAction Action { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string Changes { get; private set; }
}
