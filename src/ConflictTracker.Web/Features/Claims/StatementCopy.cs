using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Features.Lookups;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>What a new statement takes over from a previous one
/// (<see cref="StatementEditorService.CopyAsync"/>).</summary>
public sealed record StatementCopy(
    LookupItem Proposition,
    LookupItem? Source,
    CitationRole CitationRole,
    IReadOnlyList<LookupItem> Places,
    string? QuoteLanguage,
    string? TranslationLanguage
);
