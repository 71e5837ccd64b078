namespace ConflictTracker.Domain.Claims;

/// <summary>
/// The Admiralty (NATO) information credibility scale a reviewer gives a claim, 1 to 6.
/// The numeric values are the scale's own, so ordering by them orders by credibility.
/// </summary>
public enum Credibility
{
    Confirmed = 1,
    ProbablyTrue = 2,
    PossiblyTrue = 3,
    DoubtfullyTrue = 4,
    Improbable = 5,
    CannotBeJudged = 6,
}
