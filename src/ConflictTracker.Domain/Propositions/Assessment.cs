namespace ConflictTracker.Domain.Propositions;

/// <summary>A reviewer's judgement of a proposition, given with a rationale.</summary>
public enum Assessment
{
    Unverified,
    Likely,
    Confirmed,
    Disputed,
    False,
}
