using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>A source added to an existing claim's chain.</summary>
public sealed record CitationInput(
    Guid? SourceId,
    CitationRole Role,
    Guid? DerivedFromId,
    string? Quote,
    string? Locator
);
