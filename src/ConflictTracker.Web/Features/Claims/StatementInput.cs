using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Sources;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// Everything the "new sourced statement" form holds, as typed. Ids point at existing records;
/// NewActor / NewSource create one in the same save. Dates are "2024-10-18", "2024-10" or "2024".
/// </summary>
public sealed record StatementInput
{
    /// <summary>The fields (as the API names them) a change need not give: only entering a statement reads the
    /// citations (a change keeps them), and a new measure is added only when given.</summary>
    public static readonly string[] CreationOnly =
    [
        "sourceId",
        "newSource",
        "citationRole",
        "citationQuote",
        "citationLocator",
        "furtherCitations",
        "newMeasure",
    ];

    public Guid? PropositionId { get; init; }

    public Guid? ActorId { get; init; }

    public NewActorInput? NewActor { get; init; }

    public Guid? OnBehalfOfId { get; init; }

    public Stance Stance { get; init; } = Stance.Affirms;

    public string? Summary { get; init; }

    public string? StatedOn { get; init; }

    public string? EventStart { get; init; }

    public string? EventEnd { get; init; }

    public string? QuoteText { get; init; }

    public string? QuoteLanguage { get; init; }

    public string? Translation { get; init; }

    public string? TranslationLanguage { get; init; }

    public Guid? MeasureId { get; init; }

    /// <summary>A measure the proposition does not have yet, added to it in the same save; the figure counts
    /// it.</summary>
    public NewMeasureInput? NewMeasure { get; init; }

    public decimal? QuantityMin { get; init; }

    public decimal? QuantityMax { get; init; }

    public QuantityQualifier QuantityQualifier { get; init; } = QuantityQualifier.Exact;

    public IReadOnlyList<Guid> PlaceIds { get; init; } = [];

    public ClaimStatus Status { get; init; } = ClaimStatus.Draft;

    /// <summary>The source the statement is cited from (existing), or <see cref="NewSource"/>.</summary>
    public Guid? SourceId { get; init; }

    public NewSourceInput? NewSource { get; init; }

    public CitationRole CitationRole { get; init; } = CitationRole.Origin;

    public string? CitationQuote { get; init; }

    public string? CitationLocator { get; init; }

    /// <summary>Further sources the new statement is cited from, saved with it.</summary>
    public IReadOnlyList<FurtherCitationInput> FurtherCitations { get; init; } = [];

    /// <summary>Why the change is made (optional), stored with its history (docs/rules/history.md).</summary>
    public string? Reason { get; init; }
}

/// <summary>A measure typed into the statement form: "North Korean soldiers in the Kursk region", "soldiers".</summary>
public sealed record NewMeasureInput(string? Name, string? Unit);
