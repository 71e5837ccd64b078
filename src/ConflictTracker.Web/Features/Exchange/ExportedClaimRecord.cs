namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// A row of the claims export (<see cref="ClaimExportRow"/>) read back by the import (type=claim; the importer knows
/// it by its <c>Id</c> column): the row's claim is matched by <see cref="Id"/> (docs/import-export.md, "Round trip").
/// Every column of the export is accepted; the ones an editor sets on a claim are applied, the others (names, readable
/// texts, places, sources, credibility, checks) are read-only and ignored. Text cells arrive as the export wrote them:
/// the quote it put in front of a formula-like text is removed (<see cref="SpreadsheetCsv.Restore"/>).
/// </summary>
public sealed record ExportedClaimRecord : ImportRecord
{
    public string? Id { get; init; }

    /// <summary>The claim's row version when it was exported: a claim changed since is not overwritten.</summary>
    public string? Version { get; init; }

    public string? StatedOn { get; init; }

    public string? StatedOnDate { get; init; }

    public string? StatedOnPrecision { get; init; }

    public string? ActorId { get; init; }

    public string? Actor { get; init; }

    public string? OnBehalfOfId { get; init; }

    public string? OnBehalfOf { get; init; }

    public string? Stance { get; init; }

    public string? Summary { get; init; }

    public string? Quote { get; init; }

    public string? QuoteLanguage { get; init; }

    public string? Translation { get; init; }

    public string? TranslationLanguage { get; init; }

    public string? Quantity { get; init; }

    public string? Measure { get; init; }

    public string? Unit { get; init; }

    public decimal? QuantityMin { get; init; }

    public decimal? QuantityMax { get; init; }

    public string? Qualifier { get; init; }

    public string? ImpliedLow { get; init; }

    public string? ImpliedHigh { get; init; }

    public string? EventPeriod { get; init; }

    public string? EventStart { get; init; }

    public string? EventStartPrecision { get; init; }

    public string? EventEnd { get; init; }

    public string? EventEndPrecision { get; init; }

    public string? PropositionId { get; init; }

    public string? Proposition { get; init; }

    public string? Places { get; init; }

    public string? Place { get; init; }

    public string? Latitude { get; init; }

    public string? Longitude { get; init; }

    public string? Status { get; init; }

    public string? Credibility { get; init; }

    public string? Source { get; init; }

    public string? SourceUrl { get; init; }

    public string? SourceReliability { get; init; }

    public string? SourceRole { get; init; }

    public string? SourceCount { get; init; }

    public string? Sources { get; init; }

    public string? SourceUrls { get; init; }

    public string? QuoteCheck { get; init; }

    public string? Evidence { get; init; }
}
