using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Propositions;

namespace ConflictTracker.Domain.Claims;

/// <summary>What an editor supplies for a new claim. Value objects in it are already validated.</summary>
public sealed record NewClaim(
    Proposition Proposition,
    Actor AssertedBy,
    PartialDate StatedOn,
    Stance Stance,
    string? Summary
)
{
    /// <summary>The body the speaker spoke for (the Kremlin, for its spokesman), when not the speaker.</summary>
    public Actor? OnBehalfOf { get; init; }

    public EventPeriod? EventPeriod { get; init; }

    public Quote? Quote { get; init; }

    public Measure? Measure { get; init; }

    public Quantity? Quantity { get; init; }

    public ClaimStatus Status { get; init; } = ClaimStatus.Draft;

    /// <summary>A rating the new claim starts with (from an import); <see cref="Claim.Revise"/> ignores it: reviewers
    /// rate with <see cref="Claim.Rate"/>.</summary>
    public Credibility? Credibility { get; init; }
}
