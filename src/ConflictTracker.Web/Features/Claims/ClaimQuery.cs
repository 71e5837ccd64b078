using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// What the analyst asks the claims explorer: free text plus filters, a sort order and a page.
/// Every field maps to a query-string parameter (see <see cref="ClaimQueryString"/>), so a view is a link.
/// </summary>
public sealed record ClaimQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Words to find in the claim, its quote and translation, its actors' names and aliases, its sources'
    /// titles and places.</summary>
    public string? Text { get; init; }

    public Guid? PropositionId { get; init; }

    /// <summary>The asserting actor, or the body they spoke for.</summary>
    public Guid? ActorId { get; init; }

    public string? ActorCountry { get; init; }

    public ActorKind? ActorKind { get; init; }

    public IReadOnlyList<Stance> Stances { get; init; } = [];

    public DateOnly? StatedFrom { get; init; }

    public DateOnly? StatedTo { get; init; }

    public DateOnly? EventFrom { get; init; }

    public DateOnly? EventTo { get; init; }

    /// <summary>At least one cited source graded this or better (A best).</summary>
    public ReliabilityGrade? MinReliability { get; init; }

    /// <summary>Rated this or better on the Admiralty 1-6 scale (1 best).</summary>
    public Credibility? MinCredibility { get; init; }

    /// <summary>Empty: published claims only. Retracted claims show only when asked for.</summary>
    public IReadOnlyList<ClaimStatus> Statuses { get; init; } = [];

    public bool? HasQuantity { get; init; }

    public Guid? PlaceId { get; init; }

    public ClaimSort Sort { get; init; } = ClaimSort.NewestStatement;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The page after this cursor (from <see cref="ClaimPage.NextCursor"/>).</summary>
    public string? After { get; init; }

    /// <summary>The page before this cursor (from <see cref="ClaimPage.PreviousCursor"/>).</summary>
    public string? Before { get; init; }

    public IReadOnlyList<ClaimStatus> EffectiveStatuses => Statuses.Count > 0 ? Statuses : [ClaimStatus.Published];
}

public enum ClaimSort
{
    NewestStatement,
    OldestStatement,
    RecentlyRecorded,
}
