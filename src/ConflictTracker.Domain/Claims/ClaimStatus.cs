namespace ConflictTracker.Domain.Claims;

/// <summary>Where a claim is in the editorial workflow. Retraction is a status; claims are never deleted.</summary>
public enum ClaimStatus
{
    Draft,
    InReview,
    Published,
    Retracted,
}
