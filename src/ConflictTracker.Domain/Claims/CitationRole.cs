namespace ConflictTracker.Domain.Claims;

/// <summary>A source's place in the chain from the speaker to the reader.</summary>
public enum CitationRole
{
    /// <summary>Where the speaker said it: the briefing, the interview, the video address.</summary>
    Origin,

    /// <summary>The first outlet that reported it (The War Zone for Budanov's figures).</summary>
    FirstReport,

    /// <summary>A later outlet repeating an earlier report; adds reach, not independent evidence.</summary>
    Republication,
}
