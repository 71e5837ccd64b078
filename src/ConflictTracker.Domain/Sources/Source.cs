using System.Text.RegularExpressions;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Sources;

/// <summary>One piece of evidence: an article, video, social post, statement, interview, testimony or report.</summary>
public sealed partial class Source : Entity
{
    private Source(Guid id, SourceKind kind, string title)
        : base(id)
    {
        Kind = kind;
        Title = title;
    }

    public SourceKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>http or https only; null for evidence with no address (a closed briefing).</summary>
    public Uri? Url { get; private set; }

    public Guid? PublisherId { get; private set; }

    public PartialDate? PublishedOn { get; private set; }

    public DateOnly? RetrievedOn { get; private set; }

    public string? Language { get; private set; }

    public Uri? ArchiveUrl { get; private set; }

    /// <summary>SHA-256 of the retrieved content, lower-case hex, to show later that it has not changed.</summary>
    public string? ContentHash { get; private set; }

    /// <summary>A grade set on this source, overriding its publisher's.</summary>
    public ReliabilityGrade? Reliability { get; private set; }

    public SourceStatus Status { get; private set; }

    /// <summary>Why the source was retracted; set exactly when <see cref="Status"/> is Retracted.</summary>
    public string? RetractionReason { get; private set; }

    public uint Version { get; private set; }

    public static Source Create(
        SourceKind kind,
        string? title,
        string? url,
        Actor? publisher,
        PartialDate? publishedOn,
        DateOnly? retrievedOn,
        string? language,
        string? archiveUrl = null,
        string? contentHash = null,
        ReliabilityGrade? reliability = null,
        Guid id = default
    )
    {
        var errors = new ValidationErrors();
        errors.Check(() => Rules.Defined(kind, nameof(Kind)));
        var titleText = errors.Check(() => Rules.RequiredText(title, nameof(Title), MaxLengths.Title));
        var address = errors.Check(() => Rules.WebUrl(url, nameof(Url)));
        var archive = errors.Check(() => Rules.WebUrl(archiveUrl, nameof(ArchiveUrl)));
        var lang = errors.Check(() => Rules.LanguageTag(language, nameof(Language)));
        var hash = string.IsNullOrWhiteSpace(contentHash) ? null : contentHash.Trim().ToLowerInvariant();
        if (hash is not null && !Sha256Hex().IsMatch(hash))
        {
            errors.Add(nameof(ContentHash), "Content hash must be a SHA-256 digest: 64 hexadecimal characters.");
        }

        if (reliability is { } grade)
        {
            errors.Check(() => Rules.Defined(grade, nameof(Reliability)));
        }

        if (publishedOn is not null && retrievedOn is { } retrieved && retrieved < publishedOn.Earliest)
        {
            errors.Add(
                nameof(RetrievedOn),
                $"A source cannot be retrieved ({retrieved:yyyy-MM-dd}) before it was published ({publishedOn})."
            );
        }

        errors.ThrowIfAny();
        return new Source(id, kind, titleText!)
        {
            Url = address,
            PublisherId = publisher?.Id,
            PublishedOn = publishedOn,
            RetrievedOn = retrievedOn,
            Language = lang,
            ArchiveUrl = archive,
            ContentHash = hash,
            Reliability = reliability,
            Status = SourceStatus.Active,
        };
    }

    /// <summary>Changes the source's details, by the same rules as <see cref="Create"/>.</summary>
    public void Revise(
        SourceKind kind,
        string? title,
        string? url,
        Actor? publisher,
        PartialDate? publishedOn,
        DateOnly? retrievedOn,
        string? language,
        string? archiveUrl,
        string? contentHash,
        ReliabilityGrade? reliability
    )
    {
        if (Status == SourceStatus.Retracted)
        {
            throw new DomainValidationException(nameof(Status), "Restore the source before changing it.");
        }

        var valid = Create(
            kind,
            title,
            url,
            publisher,
            publishedOn,
            retrievedOn,
            language,
            archiveUrl,
            contentHash,
            reliability,
            Id
        );
        Kind = valid.Kind;
        Title = valid.Title;
        Url = valid.Url;
        PublisherId = valid.PublisherId;
        PublishedOn = valid.PublishedOn;
        RetrievedOn = valid.RetrievedOn;
        Language = valid.Language;
        ArchiveUrl = valid.ArchiveUrl;
        ContentHash = valid.ContentHash;
        Reliability = valid.Reliability;
    }

    /// <summary>Retracts the source (kept, marked, never deleted). A reason is required.</summary>
    public void Retract(string? reason)
    {
        var errors = new ValidationErrors();
        var why = errors.Check(() => Rules.RequiredText(reason, nameof(RetractionReason), MaxLengths.Note));
        if (Status == SourceStatus.Retracted)
        {
            errors.Add(nameof(Status), "The source is already retracted.");
        }

        errors.ThrowIfAny();
        Status = SourceStatus.Retracted;
        RetractionReason = why;
    }

    public void Restore()
    {
        if (Status != SourceStatus.Retracted)
        {
            throw new DomainValidationException(nameof(Status), "Only a retracted source can be restored.");
        }

        Status = SourceStatus.Active;
        RetractionReason = null;
    }

    /// <summary>This source's own grade, else its publisher's, else F (cannot be judged).</summary>
    public static ReliabilityGrade EffectiveReliability(
        ReliabilityGrade? sourceGrade,
        ReliabilityGrade? publisherGrade
    ) => sourceGrade ?? publisherGrade ?? ReliabilityGrade.F;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
