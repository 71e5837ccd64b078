using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>One row of the claims explorer: who said what, when, and the figure as they put it.</summary>
public sealed record ClaimListItem(
    Guid Id,
    Guid ActorId,
    string Actor,
    string? OnBehalfOf,
    Stance Stance,
    string StatedOn,
    DateOnly StatedOnDate,
    string Summary,
    string? Quote,
    string? Quantity,
    string? EventPeriod,
    Guid PropositionId,
    string Proposition,
    IReadOnlyList<string> Places,
    ClaimStatus Status,
    Credibility? Credibility
);
