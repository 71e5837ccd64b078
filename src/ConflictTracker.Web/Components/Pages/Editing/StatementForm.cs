using System.Globalization;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Sources;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>
/// What the statement form holds while an editor types: plain, serialisable fields, so the draft can
/// be kept in the browser (and survive a dropped connection) and turned into a <see cref="StatementInput"/>.
/// </summary>
public sealed class StatementForm
{
    public LookupItem? Proposition { get; set; }

    public LookupItem? Actor { get; set; }

    public bool NewActor { get; set; }

    public string? NewActorName { get; set; }

    public ActorKind NewActorKind { get; set; } = ActorKind.Person;

    public string? NewActorCountry { get; set; }

    /// <summary>The new actor's other names, one a line.</summary>
    public string? NewActorAliases { get; set; }

    public string? NewActorRole { get; set; }

    /// <summary>The organisation of the new actor's role; empty: the body spoken for (On behalf of).</summary>
    public LookupItem? NewActorRoleOrganisation { get; set; }

    public LookupItem? OnBehalfOf { get; set; }

    public Stance Stance { get; set; } = Stance.Affirms;

    public string? Summary { get; set; }

    public string? StatedOn { get; set; }

    public string? EventStart { get; set; }

    public string? EventEnd { get; set; }

    public string? QuoteText { get; set; }

    public string? QuoteLanguage { get; set; }

    public string? Translation { get; set; }

    public string? TranslationLanguage { get; set; } = "en";

    public Guid? MeasureId { get; set; }

    /// <summary>The figure counts a measure the proposition does not have yet, added with the statement.</summary>
    public bool NewMeasure { get; set; }

    public string? NewMeasureName { get; set; }

    public string? NewMeasureUnit { get; set; }

    public decimal? QuantityMin { get; set; }

    public decimal? QuantityMax { get; set; }

    public QuantityQualifier QuantityQualifier { get; set; } = QuantityQualifier.Exact;

    public List<LookupItem> Places { get; set; } = [];

    /// <summary>An editor publishes what they enter; Draft is a choice.</summary>
    public ClaimStatus Status { get; set; } = ClaimStatus.Published;

    public LookupItem? Source { get; set; }

    public bool NewSource { get; set; }

    public SourceKind NewSourceKind { get; set; } = SourceKind.Article;

    public string? NewSourceTitle { get; set; }

    public string? NewSourceUrl { get; set; }

    public LookupItem? NewSourcePublisher { get; set; }

    public string? NewSourcePublisherName { get; set; }

    public string? NewSourcePublished { get; set; }

    public string? NewSourceLanguage { get; set; }

    public ReliabilityGrade? NewSourceReliability { get; set; }

    /// <summary>Why the change is made (optional; edits only), stored with its history.</summary>
    public string? Reason { get; set; }

    public CitationRole CitationRole { get; set; } = CitationRole.Origin;

    public string? CitationQuote { get; set; }

    public string? CitationLocator { get; set; }

    /// <summary>A second source the new statement is cited from; it derives from the first.</summary>
    public LookupItem? FurtherSource { get; set; }

    public CitationRole FurtherRole { get; set; } = CitationRole.Republication;

    /// <summary>
    /// The figure as typed, with its qualifier: "about 8,000" sets the qualifier to about and the figure to 8,000;
    /// a figure alone keeps the qualifier chosen.
    /// </summary>
    [JsonIgnore]
    public string? FigureText
    {
        get => QuantityMin?.ToString("#,0.##", CultureInfo.InvariantCulture);
        set
        {
            var (qualifier, figure) = FigureWords.Parse(value);
            QuantityMin = figure;
            QuantityQualifier = qualifier ?? QuantityQualifier;
        }
    }

    public StatementInput ToInput() =>
        new()
        {
            PropositionId = Proposition?.Id,
            ActorId = NewActor ? null : Actor?.Id,
            NewActor = NewActor
                ? new NewActorInput(NewActorName, NewActorKind, Blank(NewActorCountry)?.ToUpperInvariant())
                {
                    Aliases = (NewActorAliases ?? "")
                        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .ToList(),
                    Role = Blank(NewActorRole),
                    RoleOrganisationId = NewActorRoleOrganisation?.Id,
                }
                : null,
            OnBehalfOfId = OnBehalfOf?.Id,
            Stance = Stance,
            Summary = Summary,
            StatedOn = StatedOn,
            EventStart = EventStart,
            EventEnd = EventEnd,
            QuoteText = Blank(QuoteText),
            QuoteLanguage = Blank(QuoteLanguage),
            Translation = Blank(Translation),
            TranslationLanguage = Blank(Translation) is null ? null : Blank(TranslationLanguage),
            MeasureId = QuantityMin is null && QuantityMax is null || NewMeasure ? null : MeasureId,
            NewMeasure =
                NewMeasure && (QuantityMin is not null || QuantityMax is not null)
                    ? new NewMeasureInput(NewMeasureName, NewMeasureUnit)
                    : null,
            QuantityMin = QuantityMin,
            QuantityMax = QuantityMax,
            QuantityQualifier = QuantityQualifier,
            PlaceIds = Places.Select(p => p.Id).ToList(),
            Status = Status,
            SourceId = NewSource ? null : Source?.Id,
            NewSource = NewSource
                ? new NewSourceInput(
                    NewSourceKind,
                    NewSourceTitle,
                    Blank(NewSourceUrl),
                    NewSourcePublisher?.Id,
                    Blank(NewSourcePublished),
                    Blank(NewSourceLanguage),
                    NewSourceReliability
                )
                {
                    NewPublisher =
                        NewSourcePublisher is null && Blank(NewSourcePublisherName) is { } publisher
                            ? new NewActorInput(publisher, ActorKind.MediaOutlet, null)
                            : null,
                }
                : null,
            CitationRole = CitationRole,
            CitationQuote = Blank(CitationQuote),
            CitationLocator = Blank(CitationLocator),
            FurtherCitations = FurtherSource is { } further ? [new(further.Id, FurtherRole, null, null)] : [],
            Reason = Reason,
        };

    /// <summary>The form for an existing claim, with names for the ids it points at.</summary>
    public static StatementForm From(StatementInput input, IReadOnlyDictionary<Guid, string> names)
    {
        LookupItem? Item(Guid? id) =>
            id is { } value ? new LookupItem(value, names.GetValueOrDefault(value, "(unknown)")) : null;
        return new StatementForm
        {
            Proposition = Item(input.PropositionId),
            Actor = Item(input.ActorId),
            OnBehalfOf = Item(input.OnBehalfOfId),
            Stance = input.Stance,
            Summary = input.Summary,
            StatedOn = input.StatedOn,
            EventStart = input.EventStart,
            EventEnd = input.EventEnd,
            QuoteText = input.QuoteText,
            QuoteLanguage = input.QuoteLanguage,
            Translation = input.Translation,
            TranslationLanguage = input.TranslationLanguage ?? "en",
            MeasureId = input.MeasureId,
            QuantityMin = input.QuantityMin,
            QuantityMax = input.QuantityMax,
            QuantityQualifier = input.QuantityQualifier,
            Places = input.PlaceIds.Select(id => Item(id)!).ToList(),
            Status = input.Status,
        };
    }

    /// <summary>A form started from an article intake's draft: the statement with its citation of the article and, if
    /// needed, a new actor.</summary>
    public static StatementForm FromDraft(StatementInput input, IReadOnlyDictionary<Guid, string> names)
    {
        var form = From(input, names);
        form.Source = input.SourceId is { } source
            ? new LookupItem(source, names.GetValueOrDefault(source, "(the article)"))
            : null;
        form.CitationRole = input.CitationRole;
        form.CitationQuote = input.CitationQuote;
        form.CitationLocator = input.CitationLocator;
        if (input.NewActor is { } actor)
        {
            form.NewActor = true;
            form.NewActorName = actor.Name;
            form.NewActorKind = actor.Kind;
            form.NewActorCountry = actor.CountryCode;
        }

        return form;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// A draft of the statement form: what it holds, the version of the claim it is to be saved against
/// (a restored draft of an older version is refused with what changed), and the claim as loaded, so
/// that "apply my changes on top of theirs" still knows which fields were this editor's.
/// </summary>
public sealed record StatementDraft(StatementForm Form, uint Version, StatementInput? Loaded) : IDraft
{
    object IDraft.Values => Form;
}
