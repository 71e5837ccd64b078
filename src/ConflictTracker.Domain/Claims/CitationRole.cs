namespace ConflictTracker.Domain.Claims;

/// <summary>A source's place in the chain from the speaker to the reader.</summary>
public enum CitationRole
{
    /// <summary>Where the speaker said it: the briefing, the video address, the interview (Budanov's words in The War
    /// Zone).</summary>
    Origin,

    /// <summary>The first outlet that reported it when the origin itself is not at hand (a news agency's account of a
    /// closed briefing).</summary>
    FirstReport,

    /// <summary>A later outlet repeating an earlier report; adds reach, not independent evidence.</summary>
    Republication,
}
