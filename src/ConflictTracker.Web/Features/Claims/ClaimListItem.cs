using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>One row of the claims page: who said what, when, and the figure as they put it.</summary>
public sealed record ClaimListItem(
    Guid Id,
    string Actor,
    string? OnBehalfOf,
    Stance Stance,
    string StatedOn,
    DateOnly StatedOnDate,
    string Summary,
    string? Quantity,
    string? EventPeriod,
    string Proposition,
    IReadOnlyList<string> Places);
