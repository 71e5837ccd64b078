using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Intake;

/// <summary>
/// An editor's intake of one article snapshot: the drafts the extractor proposed (kept as they were
/// proposed, as JSON) and, in <see cref="IntakeDecision"/>s, what became of each. Leaving and coming
/// back continues where the editor stopped.
/// </summary>
public sealed class ArticleIntake : Entity
{
    private ArticleIntake(
        Guid id,
        Guid sourceId,
        Guid snapshotId,
        string draftsJson,
        int draftCount,
        string startedBy,
        DateTimeOffset startedAt
    )
        : base(id)
    {
        SourceId = sourceId;
        SnapshotId = snapshotId;
        DraftsJson = draftsJson;
        DraftCount = draftCount;
        StartedBy = startedBy;
        StartedAt = startedAt;
    }

    public Guid SourceId { get; private set; }

    public Guid SnapshotId { get; private set; }

    /// <summary>The drafts as proposed, in the API's shape; never rewritten.</summary>
    public string DraftsJson { get; private set; }

    public int DraftCount { get; private set; }

    public string StartedBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Moves with every decision: a decision made on an older view of the intake is refused.</summary>
    public uint Version { get; private set; }

    public static ArticleIntake Start(
        Guid sourceId,
        Guid snapshotId,
        string draftsJson,
        int draftCount,
        string startedBy,
        DateTimeOffset at,
        Guid id = default
    ) => new(id, sourceId, snapshotId, draftsJson, draftCount, startedBy, at);
}
