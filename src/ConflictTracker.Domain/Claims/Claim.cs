using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Claims;

/// <summary>One actor's statement about a proposition at a point in time, with its evidence.</summary>
public sealed class Claim : Entity
{
    private readonly List<Citation> citations = [];
    private readonly List<Place> places = [];

    private Claim(Guid id, Guid propositionId, Guid assertedById, PartialDate statedOn, Stance stance, string summary)
        : base(id)
    {
        PropositionId = propositionId;
        AssertedById = assertedById;
        StatedOn = statedOn;
        Stance = stance;
        Summary = summary;
    }

    // For EF Core: complex properties (StatedOn) cannot be bound through a constructor.
    private Claim()
    {
        StatedOn = null!;
        Summary = null!;
    }

    public Guid PropositionId { get; private set; }

    public Guid AssertedById { get; private set; }

    public Guid? OnBehalfOfId { get; private set; }

    public PartialDate StatedOn { get; private set; }

    public EventPeriod? EventPeriod { get; private set; }

    public Stance Stance { get; private set; }

    /// <summary>The claim in the editor's words.</summary>
    public string Summary { get; private set; }

    public Quote? Quote { get; private set; }

    public Guid? MeasureId { get; private set; }

    public Quantity? Quantity { get; private set; }

    public ClaimStatus Status { get; private set; }

    /// <summary>The reviewers' rating (<see cref="Rate"/>); an import may bring one in with a new claim.</summary>
    public Credibility? Credibility { get; private set; }

    public string? CredibilityNote { get; private set; }

    public string? RetractionReason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<Citation> Citations => citations.AsReadOnly();

    public IReadOnlyCollection<Place> Places => places.AsReadOnly();

    public static Claim Create(NewClaim input, DateTimeOffset recordedAt, Guid id = default)
    {
        var summary = Validate(input, recordedAt, "A new claim cannot start out retracted.");
        var claim = new Claim(id, input.Proposition.Id, input.AssertedBy.Id, input.StatedOn, input.Stance, summary)
        {
            RecordedAt = recordedAt,
            Credibility = input.Credibility,
        };
        claim.Apply(input, summary);
        return claim;
    }

    /// <summary>
    /// Replaces what an editor may change (everything in <paramref name="input"/>, by the same rules as
    /// <see cref="Create"/>). Retraction has its own method, with a reason.
    /// </summary>
    public void Revise(NewClaim input, DateTimeOffset now)
    {
        if (Status == ClaimStatus.Retracted)
        {
            throw new DomainValidationException(nameof(Status), "Restore the claim before changing it.");
        }

        var summary = Validate(input, now, "Retract a claim with a reason, not by changing its status.");
        PropositionId = input.Proposition.Id;
        AssertedById = input.AssertedBy.Id;
        Apply(input, summary);
    }

    /// <summary>Retracts the claim (it is hidden by default, never deleted). A reason is required.</summary>
    public void Retract(string? reason)
    {
        var errors = new ValidationErrors();
        var why = errors.Check(() => Rules.RequiredText(reason, nameof(RetractionReason), MaxLengths.Note));
        if (Status == ClaimStatus.Retracted)
        {
            errors.Add(nameof(Status), "The claim is already retracted.");
        }

        errors.ThrowIfAny();
        Status = ClaimStatus.Retracted;
        RetractionReason = why;
    }

    /// <summary>Undoes a retraction, putting the claim back in <paramref name="status"/> (published unless
    /// said).</summary>
    public void Restore(ClaimStatus status = ClaimStatus.Published)
    {
        var errors = new ValidationErrors();
        if (Status != ClaimStatus.Retracted)
        {
            errors.Add(nameof(Status), "Only a retracted claim can be restored.");
        }

        if (status == ClaimStatus.Retracted || !Enum.IsDefined(status))
        {
            errors.Add(nameof(Status), "Restore the claim as a draft, in review, or published.");
        }

        errors.ThrowIfAny();
        Status = status;
        RetractionReason = null;
    }

    private static string Validate(NewClaim input, DateTimeOffset now, string retractedMessage)
    {
        var errors = new ValidationErrors();
        var summary = errors.Check(() => Rules.RequiredText(input.Summary, nameof(Summary), MaxLengths.Summary));
        errors.Check(() => Rules.Defined(input.Stance, nameof(Stance)));
        errors.Check(() => Rules.Defined(input.Status, nameof(Status)));
        if (input.Status == ClaimStatus.Retracted)
        {
            errors.Add(nameof(Status), retractedMessage);
        }

        if (input.Credibility is { } credibility)
        {
            errors.Check(() => Rules.Defined(credibility, nameof(Credibility)));
        }

        if (input.OnBehalfOf is not null && input.OnBehalfOf.Id == input.AssertedBy.Id)
        {
            errors.Add(nameof(OnBehalfOfId), "Leave 'on behalf of' empty when the speaker speaks for themselves.");
        }

        if (input.StatedOn.Earliest > DateOnly.FromDateTime(now.UtcDateTime))
        {
            errors.Add(nameof(StatedOn), $"A claim cannot be stated in the future ({input.StatedOn}).");
        }

        if (input.Quantity is not null && input.Measure is null)
        {
            errors.Add("Measure", "Say which of the proposition's measures the figure counts.");
        }

        if (input.Measure is not null && input.Quantity is null)
        {
            errors.Add("Quantity", "A measure was chosen without a figure.");
        }

        if (input.Measure is not null && input.Measure.PropositionId != input.Proposition.Id)
        {
            errors.Add("Measure", $"The measure '{input.Measure.Name}' belongs to another proposition.");
        }

        errors.ThrowIfAny();
        return summary!;
    }

    private void Apply(NewClaim input, string summary)
    {
        StatedOn = input.StatedOn;
        Stance = input.Stance;
        Summary = summary;
        OnBehalfOfId = input.OnBehalfOf?.Id;
        EventPeriod = input.EventPeriod;
        Quote = input.Quote;
        MeasureId = input.Measure?.Id;
        Quantity = input.Quantity;
        Status = input.Status;
    }

    /// <summary>
    /// A reviewer's rating of how credible the claim is (Admiralty 1 to 6; null clears it), with an
    /// optional note. Revising the claim's wording keeps the rating: it is the reviewer's, not the editor's.
    /// </summary>
    public void Rate(Credibility? credibility, string? note)
    {
        var errors = new ValidationErrors();
        if (credibility is { } rating)
        {
            errors.Check(() => Rules.Defined(rating, nameof(Credibility)));
        }

        var why = errors.Check(() => Rules.OptionalText(note, nameof(CredibilityNote), MaxLengths.Note));
        if (credibility is null && why is not null)
        {
            errors.Add(nameof(CredibilityNote), "A note explains a rating; choose the rating too.");
        }

        errors.ThrowIfAny();
        Credibility = credibility;
        CredibilityNote = why;
    }

    /// <summary>
    /// Adds a source to the claim's chain. A claim has at most one origin, an origin derives from
    /// nothing, a source appears once per claim, and a citation derives only from another of the same claim.
    /// </summary>
    public Citation Cite(
        Source source,
        CitationRole role,
        string? quote = null,
        string? locator = null,
        Citation? derivedFrom = null,
        Guid id = default
    )
    {
        var errors = new ValidationErrors();
        errors.Check(() => Rules.Defined(role, "Citation.Role"));
        var words = errors.Check(() => Rules.OptionalText(quote, "Citation.Quote", MaxLengths.Quote));
        var where = errors.Check(() => Rules.OptionalText(locator, "Citation.Locator", MaxLengths.Locator));
        if (citations.Any(c => c.SourceId == source.Id))
        {
            errors.Add("Citation.SourceId", $"'{source.Title}' is already cited for this claim.");
        }

        if (role == CitationRole.Origin && citations.Any(c => c.Role == CitationRole.Origin))
        {
            errors.Add("Citation.Role", "This claim already has an origin; a claim has one origin.");
        }

        if (role == CitationRole.Origin && derivedFrom is not null)
        {
            errors.Add("Citation.DerivedFromId", "An origin does not derive from another source.");
        }

        if (derivedFrom is not null && !citations.Contains(derivedFrom))
        {
            errors.Add("Citation.DerivedFromId", "A citation can only derive from another citation of the same claim.");
        }

        errors.ThrowIfAny();
        var citation = new Citation(id, Id, source.Id, role, words, where, derivedFrom?.Id);
        citations.Add(citation);
        return citation;
    }

    public void RemovePlace(Guid placeId) => places.RemoveAll(p => p.Id == placeId);

    public void AddPlace(Place place)
    {
        if (places.All(p => p.Id != place.Id))
        {
            places.Add(place);
        }
    }
}
