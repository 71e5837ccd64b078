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
}
