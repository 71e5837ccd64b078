namespace ConflictTracker.Domain.Relations;

/// <summary>Where a contradiction candidate stands in review.</summary>
public enum CandidateState
{
    /// <summary>Waiting in the reviewers' queue.</summary>
    Open,

    /// <summary>A reviewer found it is not a contradiction, with a reason; it stays away until one of its claims
    /// changes.</summary>
    Dismissed,

    /// <summary>A reviewer confirmed it: it became a confirmed relation.</summary>
    Confirmed,

    /// <summary>The rules no longer produce it (a claim was retracted or changed); kept for the record.</summary>
    Lapsed,
}
