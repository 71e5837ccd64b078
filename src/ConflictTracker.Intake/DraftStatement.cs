using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake;

/// <summary>How a speaker mention was linked to an actor, strongest first.</summary>
public enum SpeakerLinkKind
{
    /// <summary>The actor's name or one of its aliases, in any script.</summary>
    Name,

    /// <summary>A surname or short name standing for a person named earlier in the article.</summary>
    Surname,

    /// <summary>A title that identifies one actor ("the Kremlin's spokesman", "South Korea's spy agency").</summary>
    Title,

    /// <summary>"he", "she", "it": the last person or organisation named.</summary>
    Pronoun,

    /// <summary>"the ministry", "a statement": the last organisation of that kind named.</summary>
    Anaphor,

    /// <summary>A country or capital standing for its government ("Seoul said").</summary>
    Country,

    /// <summary>A caption of a post embedded in the article, or footage the article describes.</summary>
    Media,

    /// <summary>A name the database does not know: a new actor is proposed.</summary>
    New,
}

/// <summary>Who speaks: the words in the text, and the actor they were linked to or a proposed new one.</summary>
public sealed record SpeakerLink(
    string Mention,
    int Start,
    int End,
    SpeakerLinkKind Link,
    Guid? ActorId,
    string Name,
    ActorKind Kind,
    string? RoleWords
);

/// <summary>A proposition the statement may bear on, with the words both share.</summary>
public sealed record PropositionGuess(Guid Id, string Statement, double Score, Guid? MeasureId);

/// <summary>
/// One attributed statement found in an article, with everything the statement form needs, anchored
/// in the snapshot. Nothing is stored until an editor accepts it.
/// </summary>
public sealed record DraftStatement
{
    public required int Number { get; init; }

    public required SpeakerLink Speaker { get; init; }

    public Guid? OnBehalfOfId { get; init; }

    public string? OnBehalfOfName { get; init; }

    public required Stance Stance { get; init; }

    /// <summary>The words that decided the stance ("denied", "fake news", "could not rule out"), or the cue
    /// verb.</summary>
    public required string Cue { get; init; }

    public required TextQuoteSelector Content { get; init; }

    public TextQuoteSelector? Quote { get; init; }

    public FoundFigure? Figure { get; init; }

    public PartialDate? EventStart { get; init; }

    public PartialDate? EventEnd { get; init; }

    public PartialDate? StatedOn { get; init; }

    public IReadOnlyList<Guid> PlaceIds { get; init; } = [];

    /// <summary>Existing propositions, best first (at most three); empty when none fits.</summary>
    public IReadOnlyList<PropositionGuess> Propositions { get; init; } = [];

    public required CitationRole CitationRole { get; init; }

    /// <summary>The outlet or venue the article credits ("The War Zone", "a video address"), when it does.</summary>
    public string? CreditedTo { get; init; }

    /// <summary>0 to 1: how sure the extractor is that speaker, content and stance are right.</summary>
    public required double Confidence { get; init; }

    /// <summary>The sentence the statement was found in (its index in the layout).</summary>
    public required int Sentence { get; init; }
}
