namespace ConflictTracker.Domain.Relations;

public enum ReviewState
{
    Proposed,
    Confirmed,
    Dismissed,
}
