using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Intake;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Intake;

/// <summary>What the editor gives, beside the article itself: the metadata they confirmed or corrected.</summary>
public sealed record IntakeMetadata(string? Title, string? Url, string? PublishedOn, Guid? PublisherId);

/// <summary>One proposed statement, as the API and the screen show it.</summary>
public sealed record IntakeDraft(
    int Number,
    string Speaker,
    Guid? ActorId,
    string SpeakerMention,
    string SpeakerLink,
    string? RoleWords,
    Guid? OnBehalfOfId,
    string? OnBehalfOf,
    Stance Stance,
    string Cue,
    TextQuoteSelector Content,
    TextQuoteSelector? Quote,
    decimal? QuantityMin,
    decimal? QuantityMax,
    QuantityQualifier? QuantityQualifier,
    string? Counted,
    string? EventStart,
    string? EventEnd,
    string? StatedOn,
    IReadOnlyList<Guid> PlaceIds,
    IReadOnlyList<PropositionGuess> Propositions,
    CitationRole CitationRole,
    string? CreditedTo,
    double Confidence
);

/// <summary>An article read and its drafts; nothing stored.</summary>
public sealed record IntakePreview(
    string Sha256,
    int Words,
    ArticleFormat Format,
    string? Title,
    string? Publisher,
    string? Author,
    string? PublishedOn,
    string? Url,
    string? Language,
    bool ExtractionSupported,
    Guid? ExistingSourceId,
    string Text,
    IReadOnlyList<IntakeDraft> Drafts
);

/// <summary>
/// Article intake, first step: reads an article (pasted text or a .txt, .html or .pdf file), makes its
/// snapshot text and SHA-256, and proposes draft statements with the extractor, linked to the actors,
/// places and propositions this database holds. It writes nothing. Editors and admins only.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    ILogger<IntakeService> logger
)
{
    public async Task<IntakePreview> PreviewTextAsync(
        string? text,
        IntakeMetadata metadata,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "take articles in");
        var article = Guard(() => ArticleReader.FromText(text ?? string.Empty));
        return await PreviewAsync(article, metadata, cancellationToken);
    }

    public async Task<IntakePreview> PreviewFileAsync(
        byte[] file,
        IntakeMetadata metadata,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(file);
        await access.DemandAsync(Policies.Edit, "take articles in");
        var article = Guard(() => ArticleReader.Read(file));
        return await PreviewAsync(article, metadata, cancellationToken);
    }

    private static ReadArticle Guard(Func<ReadArticle> read)
    {
        try
        {
            return read();
        }
        catch (ArticleUnreadableException e)
        {
            throw new DomainValidationException("text", e.Message);
        }
    }

    private async Task<IntakePreview> PreviewAsync(
        ReadArticle article,
        IntakeMetadata metadata,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var published = string.IsNullOrWhiteSpace(metadata.PublishedOn)
            ? null
            : errors.Check(() => PartialDate.Parse(metadata.PublishedOn, "publishedOn"));
        var url = errors.Check(() => Rules.WebUrl(metadata.Url, "url"));
        errors.Check(() => Rules.CheckCharacters(metadata.Title ?? string.Empty, "title"));
        errors.ThrowIfAny();
        published ??= article.PublishedOn is null ? null : PartialDateOrNull(article.PublishedOn);
        var address = url?.ToString() ?? article.CanonicalUrl;

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var gazetteer = await GazetteerAsync(db, cancellationToken);
        string? publisherName = null;
        if (metadata.PublisherId is { } publisherId)
        {
            publisherName =
                await db
                    .Actors.Where(a => a.Id == publisherId)
                    .Select(a => a.Name)
                    .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainValidationException("publisherId", "There is no such actor to be the publisher.");
        }

        publisherName ??= article.Publisher;
        var sha = ArticleText.Sha256(article.Text);
        Uri? uri = address is null ? null : new Uri(address);
        var existing =
            await db
                .Sources.Where(s => s.ContentHash == sha)
                .Select(s => (Guid?)s.Id)
                .FirstOrDefaultAsync(cancellationToken)
            ?? (
                uri is null
                    ? null
                    : await db
                        .Sources.Where(s => s.Url == uri)
                        .Select(s => (Guid?)s.Id)
                        .FirstOrDefaultAsync(cancellationToken)
            );
        var english = ArticleReader.LooksEnglish(article.Text);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var drafts = english
            ? new AttributionExtractor(gazetteer).Extract(
                article.Text,
                new ArticleFacts(published, publisherName, metadata.PublisherId)
            )
            : [];
        logger.LogInformation(
            "Intake read a {Format} article of {Words} words ({Sha256}) and proposed {Drafts} drafts in {Elapsed} ms",
            article.Format,
            ArticleText.WordCount(article.Text),
            sha,
            drafts.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
        return new IntakePreview(
            sha,
            ArticleText.WordCount(article.Text),
            article.Format,
            metadata.Title ?? article.Title,
            publisherName,
            article.Author,
            published?.ToIsoString() ?? article.PublishedOn,
            address,
            article.Language,
            english,
            existing,
            article.Text,
            drafts.Select(Draft).ToList()
        );
    }

    private static PartialDate? PartialDateOrNull(string text)
    {
        try
        {
            return PartialDate.Parse(text, "publishedOn");
        }
        catch (DomainValidationException)
        {
            return null;
        }
    }

    private static IntakeDraft Draft(DraftStatement d) =>
        new(
            d.Number,
            d.Speaker.Name,
            d.Speaker.ActorId,
            d.Speaker.Mention,
            d.Speaker.Link.ToString(),
            d.Speaker.RoleWords,
            d.OnBehalfOfId,
            d.OnBehalfOfName,
            d.Stance,
            d.Cue,
            d.Content,
            d.Quote,
            d.Figure?.Min,
            d.Figure?.Max,
            d.Figure?.Qualifier,
            d.Figure?.Noun,
            d.EventStart?.ToIsoString(),
            d.EventEnd?.ToIsoString(),
            d.StatedOn?.ToIsoString(),
            d.PlaceIds,
            d.Propositions,
            d.CitationRole,
            d.CreditedTo,
            d.Confidence
        );

    /// <summary>The extractor's knowledge: every actor with its aliases, affiliations, places and propositions with
    /// measures.</summary>
    private static async Task<Gazetteer> GazetteerAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var aliases = (
            await db.ActorAliases.AsNoTracking().Select(a => new { a.ActorId, a.Name }).ToListAsync(cancellationToken)
        ).ToLookup(a => a.ActorId, a => a.Name);
        var actors = (
            await db
                .Actors.AsNoTracking()
                .Select(a => new
                {
                    a.Id,
                    a.Name,
                    a.Kind,
                    a.CountryCode,
                })
                .ToListAsync(cancellationToken)
        ).Select(a => new KnownActor(a.Id, a.Name, a.Kind, a.CountryCode, aliases[a.Id].ToList()));
        var affiliations = (await db.Affiliations.AsNoTracking().ToListAsync(cancellationToken)).Select(
            a => new KnownAffiliation(a.MemberId, a.OrganisationId, a.Role, a.SpeaksFor, a.From, a.To)
        );
        var places = (
            await db
                .Places.AsNoTracking()
                .Select(p => new
                {
                    p.Id,
                    p.Name,
                    p.CountryCode,
                })
                .ToListAsync(cancellationToken)
        ).Select(p => new KnownPlace(p.Id, p.Name, p.CountryCode));
        var measures = (
            await db
                .Measures.AsNoTracking()
                .Select(m => new
                {
                    m.Id,
                    m.PropositionId,
                    m.Name,
                    m.Unit,
                })
                .ToListAsync(cancellationToken)
        ).ToLookup(m => m.PropositionId, m => new KnownMeasure(m.Id, m.Name, m.Unit));
        var propositions = (
            await db
                .Propositions.AsNoTracking()
                .Select(p => new
                {
                    p.Id,
                    p.Statement,
                    p.Description,
                })
                .ToListAsync(cancellationToken)
        ).Select(p => new KnownProposition(p.Id, p.Statement, p.Description, measures[p.Id].ToList()));
        return new Gazetteer(actors, affiliations, places, propositions);
    }
}
