namespace ConflictTracker.Domain.Flags;

public enum FlagStatus
{
    Open,
    Resolved,
    Dismissed,
}
