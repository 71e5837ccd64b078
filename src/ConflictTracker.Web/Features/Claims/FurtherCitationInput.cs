using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// Another source a new statement is cited from, saved with it (a republication of the first source's report): its
/// role, and whether it derives from the first citation.
/// </summary>
public sealed record FurtherCitationInput(
    Guid? SourceId,
    CitationRole Role,
    string? Quote,
    string? Locator,
    bool DerivesFromFirst = true
);
