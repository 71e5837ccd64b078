namespace ConflictTracker.Web.Features.Claims;

/// <summary>One page of the claims explorer, with how many claims match in all and where the neighbouring pages
/// start.</summary>
public sealed record ClaimPage(
    IReadOnlyList<ClaimListItem> Items,
    int Total,
    string? PreviousCursor,
    string? NextCursor,
    IReadOnlyList<string> HighlightTerms
)
{
    /// <summary>More claims match than <see cref="Total"/> (<see cref="ClaimSearchService.CountLimit"/>): counting
    /// stopped there.</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>How the search text was read: figures, stances, stand-in names, synonyms.</summary>
    public SearchReading Reading { get; init; } = SearchReading.None;
}

/// <summary>
/// How the search text was read (docs/rules/search.md): the figure conditions and stances taken from it, the
/// actors a fuzzy name match stood in for the typed word (<see cref="Typed"/>) with, and the synonyms its words
/// were widened to.
/// </summary>
public sealed record SearchReading(
    IReadOnlyList<string> Figures,
    IReadOnlyList<Domain.Claims.Stance> Stances,
    IReadOnlyList<string> StandIns,
    string? Typed,
    IReadOnlyList<string> Synonyms
)
{
    public static readonly SearchReading None = new([], [], [], null, []);
}
