namespace ConflictTracker.Domain.History;

public enum ChangeAction
{
    Created,
    Updated,
    Retracted,
    Restored,
}
