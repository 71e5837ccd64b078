namespace ConflictTracker.Domain.Sources;

/// <summary>Sources are retracted with a reason, never deleted.</summary>
public enum SourceStatus
{
    Active,
    Retracted,
}
