using System.Text.Json.Serialization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Features.Claims;
using CsvHelper.Configuration.Attributes;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// One exported claim, flat, as CSV columns, XLSX cells and JSON properties (docs/import-export.md, "The claims
/// export"): one value per column, so a pivot table can use every column; dates as ISO days with their precision,
/// figures as numbers. The explorer's readable texts (<see cref="StatedOn"/>, <see cref="Quantity"/>, <see
/// cref="EventPeriod"/>) stay beside the values. <see cref="Version"/> is the claim's row version: re-importing the
/// file (type=claim) refuses a row whose claim changed since. <see cref="Place"/> and <see cref="Source"/> are the
/// first place and the main source (origin, else first report, else republication); <see cref="Places"/> and <see
/// cref="Sources"/> list them all. <see cref="QuoteCheck"/> sums up the checks of its citations' quotes
/// (docs/rules/quote-verification.md); <see cref="Evidence"/> lists the files held by the sources it cites
/// (docs/rules/evidence.md), in JSON as objects and in CSV as one column of SHA-256s.
/// </summary>
public sealed record ClaimExportRow(
    Guid Id,
    uint Version,
    string StatedOn,
    DateOnly StatedOnDate,
    DatePrecision StatedOnPrecision,
    Guid ActorId,
    string Actor,
    Guid? OnBehalfOfId,
    string? OnBehalfOf,
    Stance Stance,
    string Summary,
    string? Quote,
    string? QuoteLanguage,
    string? Translation,
    string? TranslationLanguage,
    string? Quantity,
    string? Measure,
    string? Unit,
    decimal? QuantityMin,
    decimal? QuantityMax,
    QuantityQualifier? Qualifier,
    decimal? ImpliedLow,
    decimal? ImpliedHigh,
    string? EventPeriod,
    DateOnly? EventStart,
    DatePrecision? EventStartPrecision,
    DateOnly? EventEnd,
    DatePrecision? EventEndPrecision,
    Guid PropositionId,
    string Proposition,
    string Places,
    string? Place,
    double? Latitude,
    double? Longitude,
    ClaimStatus Status,
    int? Credibility,
    string? Source,
    string? SourceUrl,
    ReliabilityGrade? SourceReliability,
    CitationRole? SourceRole,
    int SourceCount,
    string Sources,
    string SourceUrls,
    QuoteCheckResult QuoteCheck,
    [property: Ignore] IReadOnlyList<ClaimEvidence> Evidence
)
{
    /// <summary>The CSV's evidence column: the files' SHA-256s, joined by "; ".</summary>
    [Name(nameof(Evidence))]
    [JsonIgnore]
    public string EvidenceSha256 => string.Join("; ", Evidence.Select(e => e.Sha256));

    public static ClaimExportRow Of(
        ClaimListItem c,
        ClaimFacts facts,
        QuoteCheckResult quoteCheck,
        IReadOnlyList<ClaimEvidence> evidence
    )
    {
        var interval = facts.Quantity?.ImpliedInterval;
        var place = facts.Places.Count > 0 ? facts.Places[0] : null;
        var source = facts.Sources.Count > 0 ? facts.Sources[0] : null;
        return new(
            c.Id,
            facts.Version,
            c.StatedOn,
            facts.StatedOn.Earliest,
            facts.StatedOn.Precision,
            c.ActorId,
            c.Actor,
            facts.OnBehalfOfId,
            c.OnBehalfOf,
            c.Stance,
            c.Summary,
            facts.Quote?.Text,
            facts.Quote?.Language,
            facts.Quote?.Translation,
            facts.Quote?.TranslationLanguage,
            c.Quantity,
            facts.Measure,
            facts.Unit,
            facts.Quantity?.Min,
            facts.Quantity?.Max,
            facts.Quantity?.Qualifier,
            interval is null ? null : ClaimExportFacts.Plain(interval.Low),
            interval?.High is { } high ? ClaimExportFacts.Plain(high) : null,
            c.EventPeriod,
            facts.EventPeriod?.Start.Earliest,
            facts.EventPeriod?.StartPrecision,
            facts.EventPeriod?.End.Latest,
            facts.EventPeriod?.EndPrecision,
            c.PropositionId,
            c.Proposition,
            string.Join("; ", facts.Places.Select(p => p.Name)),
            place?.Name,
            place?.Latitude,
            place?.Longitude,
            c.Status,
            (int?)c.Credibility,
            source?.Title,
            source?.Url,
            source?.Reliability,
            source?.Role,
            facts.Sources.Count,
            string.Join("; ", facts.Sources.Select(s => s.Title)),
            string.Join("; ", facts.Sources.Select(s => s.Url).OfType<string>()),
            quoteCheck,
            evidence
        );
    }
}

/// <summary>A file behind a claim: held by <paramref name="SourceId"/>, a source the claim cites, under the name it
/// was attached with.</summary>
public sealed record ClaimEvidence(
    string Sha256,
    long Size,
    EvidenceKind Kind,
    string ContentType,
    string FileName,
    Guid SourceId
);
