using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Data.Alerts;

/// <summary>What a user can follow besides a saved search.</summary>
public enum FollowTarget
{
    Actor,
    Proposition,
}

/// <summary>
/// A user follows an actor or a proposition: its new claims, contradictions and (for a proposition) assessment
/// changes become notifications. Unfollowing switches it off; following again switches it back on (one row per user
/// and target, its history kept).
/// </summary>
public sealed class Follow : Entity
{
    private Follow(Guid id, Guid userId, FollowTarget target, Guid targetId, DateTimeOffset at)
        : base(id)
    {
        UserId = userId;
        Target = target;
        TargetId = targetId;
        Active = true;
        CreatedAt = at;
        Since = at;
    }

    private Follow() { }

    public Guid UserId { get; private set; }

    public FollowTarget Target { get; private set; }

    public Guid TargetId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When following (last) began: only what happens from then on notifies.</summary>
    public DateTimeOffset Since { get; private set; }

    public uint Version { get; private set; }

    public static Follow Create(Guid userId, FollowTarget target, Guid targetId, DateTimeOffset at) =>
        new(Guid.Empty, userId, target, targetId, at);

    public void Switch(bool active, DateTimeOffset at)
    {
        if (active && !Active)
        {
            Since = at;
        }

        Active = active;
    }
}
