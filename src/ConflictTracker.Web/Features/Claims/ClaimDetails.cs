using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Features.Shared;

namespace ConflictTracker.Web.Features.Claims;

public sealed record QuoteView(string Text, string Language, string? Translation, string? TranslationLanguage);

public sealed record QuantityView(string AsStated, string Interval, string Measure);

/// <summary>
/// One source in a claim's chain, with the depth it sits at (0 for the origin or a root report) and
/// the check of its quote against the source's stored text (docs/rules/quote-verification.md).
/// </summary>
public sealed record CitationView(
    Guid Id,
    CitationRole Role,
    int Depth,
    EntityRef Source,
    SourceKind Kind,
    string? Url,
    EntityRef? Publisher,
    string? Published,
    ReliabilityGrade Reliability,
    bool OwnGrade,
    string? Quote,
    string? Locator,
    QuoteCheck QuoteCheck
);

/// <summary>A relation of this claim to another; <see cref="Outgoing"/> when this claim is the relation's subject
/// ("this contradicts that").</summary>
public sealed record RelatedClaim(
    Guid RelationId,
    RelationType Type,
    ReviewState State,
    bool Outgoing,
    Guid ClaimId,
    string Actor,
    string Summary,
    string Rationale,
    string ProposedBy,
    string? ReviewedBy
);

public sealed record FlagView(
    Guid Id,
    FlagKind Kind,
    string Comment,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    Guid? ClaimId
);

/// <summary>Everything the claim page shows.</summary>
public sealed record ClaimDetails(
    Guid Id,
    string Summary,
    Stance Stance,
    ClaimStatus Status,
    string? RetractionReason,
    Credibility? Credibility,
    string? CredibilityNote,
    string StatedOn,
    string? EventPeriod,
    QuoteView? Quote,
    QuantityView? Quantity,
    EntityRef Actor,
    string? ActorRole,
    EntityRef? OnBehalfOf,
    EntityRef Proposition,
    IReadOnlyList<EntityRef> Places,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<RelatedClaim> Related,
    IReadOnlyList<FlagView> OpenFlags,
    DateTimeOffset RecordedAt,
    uint Version
);
