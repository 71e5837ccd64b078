using ConflictTracker.Web.Features.History;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>Another editor saved the claim first. Nothing of the refused save was stored.</summary>
public sealed class ConcurrencyConflictException(
    string changedBy,
    DateTimeOffset changedAt,
    IReadOnlyList<FieldChange> theirChanges,
    uint currentVersion
) : Exception($"{changedBy} changed this record at {changedAt:HH:mm} UTC while you were editing it.")
{
    public string ChangedBy { get; } = changedBy;

    public DateTimeOffset ChangedAt { get; } = changedAt;

    /// <summary>What the other editor changed, field by field, since the version you started from.</summary>
    public IReadOnlyList<FieldChange> TheirChanges { get; } = theirChanges;

    /// <summary>The version to start from to re-apply your changes on top of theirs.</summary>
    public uint CurrentVersion { get; } = currentVersion;
}
