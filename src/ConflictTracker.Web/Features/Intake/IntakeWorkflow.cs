using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Intake;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Intake;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Features.Intake;

/// <summary>The metadata an editor confirms before the article becomes a source.</summary>
public sealed record IntakeStart(string? Title, string? Url, string? PublishedOn, Guid? PublisherId, string? Language);

/// <summary>One draft and what became of it.</summary>
public sealed record IntakeDraftState(
    IntakeDraft Draft,
    DraftDecision? Decision,
    Guid? ClaimId,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Blocker
);

/// <summary>An intake as the review screen and the API show it.</summary>
public sealed record IntakeView(
    Guid Id,
    uint Version,
    Guid SourceId,
    string SourceTitle,
    string Sha256,
    DateTimeOffset CapturedAt,
    string StartedBy,
    string Text,
    IReadOnlyList<IntakeDraftState> Drafts
)
{
    public int Decided => Drafts.Count(d => d.Decision is not null);
}

/// <summary>A decision through the API: accept the draft as proposed, or reject it.</summary>
public sealed record IntakeDecisionInput(int Draft, DraftDecision Decision, string? Note);

/// <summary>What "accept all above a confidence" did, draft by draft.</summary>
public sealed record AcceptAllReport(int Accepted, IReadOnlyList<(int Draft, string Reason)> Skipped);

/// <summary>
/// Article intake, second step: the article becomes a source with a stored snapshot, its drafts are kept
/// with the intake, and each draft is accepted (through the same service as the statement form, so the
/// same validation, history, candidates and concurrency apply, in one transaction with the decision)
/// or rejected. Giving the same text again opens the earlier intake; the same address with a different
/// text adds a new snapshot to that source and keeps both.
/// </summary>
public sealed class IntakeWorkflow(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    IntakeService intake,
    StatementEditorService statements,
    TimeProvider time,
    ILogger<IntakeWorkflow> logger
)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Stores the article (source, snapshot, intake) or finds the intake it already has; returns the intake's
    /// id and whether it is new.</summary>
    public async Task<(Guid Id, bool Created)> StartAsync(
        byte[]? file,
        string? text,
        IntakeStart start,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(start);
        var metadata = new IntakeMetadata(start.Title, start.Url, start.PublishedOn, start.PublisherId);
        var preview = file is not null
            ? await intake.PreviewFileAsync(file, metadata, cancellationToken)
            : await intake.PreviewTextAsync(text, metadata, cancellationToken);
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One intake per text: two editors giving the same article at once meet here, one after the other.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtext({"intake:" + preview.Sha256}))",
            cancellationToken
        );
        var earlier = await db
            .ArticleIntakes.Join(
                db.SourceSnapshots,
                i => i.SnapshotId,
                s => s.Id,
                (i, s) =>
                    new
                    {
                        i.Id,
                        s.Sha256,
                        i.StartedAt,
                    }
            )
            .Where(x => x.Sha256 == preview.Sha256)
            .OrderBy(x => x.StartedAt)
            .Select(x => (Guid?)x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is { } found)
        {
            return (found, false);
        }

        var now = time.GetUtcNow();
        Uri? url = preview.Url is null ? null : new Uri(preview.Url);
        var source = url is null ? null : await db.Sources.FirstOrDefaultAsync(s => s.Url == url, cancellationToken);
        if (source is null)
        {
            var errors = new ValidationErrors();
            Actor? publisher = null;
            if (start.PublisherId is { } publisherId)
            {
                publisher = await db.Actors.FindAsync([publisherId], cancellationToken);
                if (publisher is null)
                {
                    errors.Add("publisherId", "There is no such actor to be the publisher.");
                }
            }

            var published = string.IsNullOrWhiteSpace(preview.PublishedOn)
                ? null
                : errors.Check(() => PartialDate.Parse(preview.PublishedOn, "publishedOn"));
            var title = string.IsNullOrWhiteSpace(start.Title) ? preview.Title : start.Title;
            var language = string.IsNullOrWhiteSpace(start.Language)
                ? LanguageOrNull(preview.Language) ?? (preview.ExtractionSupported ? "en" : null)
                : start.Language;
            source = errors.Check(() =>
                Source.Create(
                    SourceKind.Article,
                    title,
                    url?.ToString(),
                    publisher,
                    published,
                    DateOnly.FromDateTime(now.UtcDateTime),
                    language,
                    contentHash: preview.Sha256
                )
            );
            errors.ThrowIfAny();
            db.Sources.Add(source!);
        }

        var snapshot = SourceSnapshot.Create(source!, preview.Text, preview.Format.ToString(), url, db.ChangedBy!, now);
        db.SourceSnapshots.Add(snapshot);
        var started = ArticleIntake.Start(
            source!.Id,
            snapshot.Id,
            JsonSerializer.Serialize(preview.Drafts, Json),
            preview.Drafts.Count,
            db.ChangedBy!,
            now
        );
        db.ArticleIntakes.Add(started);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Intake {IntakeId} started by {User}: source {SourceId}, snapshot {Sha256}, {Drafts} drafts",
            started.Id,
            db.ChangedBy,
            source.Id,
            snapshot.Sha256,
            preview.Drafts.Count
        );
        return (started.Id, true);
    }

    private static string? LanguageOrNull(string? tag)
    {
        try
        {
            return Rules.LanguageTag(tag, "language");
        }
        catch (DomainValidationException)
        {
            return null;
        }
    }

    public async Task<IntakeView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "review article intakes");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ArticleIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var snapshot = await db
            .SourceSnapshots.AsNoTracking()
            .SingleAsync(s => s.Id == row.SnapshotId, cancellationToken);
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == row.SourceId, cancellationToken);
        var decisions = await db
            .IntakeDecisions.AsNoTracking()
            .Where(d => d.IntakeId == id)
            .ToDictionaryAsync(d => d.DraftNumber, cancellationToken);
        var drafts = JsonSerializer.Deserialize<List<IntakeDraft>>(row.DraftsJson, Json) ?? [];
        var states = drafts
            .Select(d =>
            {
                var decision = decisions.GetValueOrDefault(d.Number);
                return new IntakeDraftState(
                    d,
                    decision?.Decision,
                    decision?.ClaimId,
                    decision?.DecidedBy,
                    decision?.DecidedAt,
                    Blocker(d, source)
                );
            })
            .ToList();
        return new IntakeView(
            row.Id,
            row.Version,
            row.SourceId,
            source.Title,
            snapshot.Sha256,
            snapshot.CapturedAt,
            row.StartedBy,
            snapshot.Text,
            states
        );
    }

    /// <summary>Why a draft cannot be accepted as proposed (it needs the form), or null.</summary>
    internal static string? Blocker(IntakeDraft d, Source source)
    {
        if (d.Propositions.Count == 0)
        {
            return "No existing proposition fits: edit it to choose or create one.";
        }

        if (d.QuantityMin is not null && d.Propositions[0].MeasureId is null)
        {
            return "The figure has no measure on the proposition: edit it to choose one.";
        }

        if (d.ActorId is null && d.SpeakerLink == nameof(SpeakerLinkKind.Media) && source.PublisherId is null)
        {
            return "The article's own outlet speaks, and the source has no publisher: edit it to say who.";
        }

        if (d.StatedOn is null && source.PublishedOn is null)
        {
            return "No date for the statement: edit it to give one.";
        }

        return null;
    }

    /// <summary>The statement form's input for a draft, as proposed, citing the intake's source.</summary>
    public async Task<(StatementInput Input, uint Version)> DraftInputAsync(
        Guid intakeId,
        int draftNumber,
        CancellationToken cancellationToken = default
    )
    {
        var view =
            await GetAsync(intakeId, cancellationToken)
            ?? throw new DomainValidationException("intake", "There is no such intake.");
        var state =
            view.Drafts.FirstOrDefault(d => d.Draft.Number == draftNumber)
            ?? throw new DomainValidationException("draft", $"The intake has no draft {draftNumber}.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == view.SourceId, cancellationToken);
        return (await InputAsync(db, state.Draft, source, view.Text, cancellationToken), view.Version);
    }

    private static async Task<StatementInput> InputAsync(
        AppDbContext db,
        IntakeDraft d,
        Source source,
        string text,
        CancellationToken cancellationToken
    )
    {
        var actorId = d.ActorId;
        NewActorInput? newActor = null;
        if (actorId is null && d.SpeakerLink == nameof(SpeakerLinkKind.Media))
        {
            actorId = source.PublisherId;
        }
        else if (actorId is null)
        {
            // A new actor named in several drafts is created by the first accepted and found by the rest.
            var name = d.Speaker.Trim();
            actorId = await db
                .Actors.Where(a =>
                    EF.Functions.ILike(
                        a.Name,
                        name.Replace("\\", "\\\\", StringComparison.Ordinal)
                            .Replace("%", "\\%", StringComparison.Ordinal)
                            .Replace("_", "\\_", StringComparison.Ordinal)
                    )
                )
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (actorId is null)
            {
                newActor = new NewActorInput(name, KindOf(d), null);
            }
        }

        var guess = d.Propositions.Count > 0 ? d.Propositions[0] : null;
        var quote = d.Quote is null ? null : OneLine(d.Quote.Exact);
        var paragraph = text.AsSpan(0, d.Content.Start).Count("\n\n") + 1;
        return new StatementInput
        {
            PropositionId = guess?.Id,
            ActorId = actorId,
            NewActor = newActor,
            OnBehalfOfId = d.OnBehalfOfId,
            Stance = d.Stance,
            Summary = Shorten(OneLine(d.Content.Exact), MaxLengths.Summary),
            StatedOn = d.StatedOn ?? source.PublishedOn?.ToIsoString(),
            EventStart = d.EventStart,
            EventEnd = d.EventEnd,
            QuoteText = quote is null ? null : Shorten(quote, MaxLengths.Quote),
            QuoteLanguage = quote is null ? null : source.Language ?? "en",
            MeasureId = d.QuantityMin is null ? null : guess?.MeasureId,
            QuantityMin = d.QuantityMin,
            QuantityMax = d.QuantityMax,
            QuantityQualifier = d.QuantityQualifier ?? QuantityQualifier.Exact,
            PlaceIds = d.PlaceIds,
            Status = ClaimStatus.Published,
            SourceId = source.Id,
            CitationRole = d.CitationRole,
            CitationQuote = Shorten(OneLine(d.Quote?.Exact ?? d.Content.Exact), MaxLengths.Quote),
            CitationLocator = $"para. {paragraph}",
        };
    }

    private static ActorKind KindOf(IntakeDraft d) =>
        d.SpeakerLink switch
        {
            nameof(SpeakerLinkKind.Country) => ActorKind.GovernmentBody,
            nameof(SpeakerLinkKind.Media) => ActorKind.Other,
            _ when d.RoleWords is not null && d.RoleWords.Contains("outlet", StringComparison.OrdinalIgnoreCase) =>
                ActorKind.MediaOutlet,
            _ => d.Speaker.Split(' ').Length >= 2 && !Lexicon.OrganisationWords.Overlaps(Gazetteer.Words(d.Speaker))
                ? ActorKind.Person
                : ActorKind.GovernmentBody,
        };

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// Accepts a draft: the statement (as proposed, or as the editor changed it in the form) is saved with
    /// the decision in one transaction. A draft already decided, or an intake changed since
    /// <paramref name="expectedVersion"/>, is refused and nothing is stored.
    /// </summary>
    public async Task<Guid> AcceptAsync(
        Guid intakeId,
        int draftNumber,
        uint expectedVersion,
        StatementInput? edited = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "accept drafts");
        var (proposed, _) = await DraftInputAsync(intakeId, draftNumber, cancellationToken);
        var input = edited is null ? proposed : edited with { SourceId = proposed.SourceId, NewSource = null };
        if (edited is null)
        {
            var view = await GetAsync(intakeId, cancellationToken);
            var blocker = view!.Drafts.First(d => d.Draft.Number == draftNumber).Blocker;
            if (blocker is not null)
            {
                throw new DomainValidationException("draft", blocker);
            }
        }

        try
        {
            return await statements.CreateAsync(
                input,
                async (db, claimId, ct) =>
                {
                    var row = await db.ArticleIntakes.SingleAsync(i => i.Id == intakeId, ct);
                    Decide(db, row, expectedVersion);
                    db.IntakeDecisions.Add(
                        IntakeDecision.Accept(intakeId, draftNumber, claimId, db.ChangedBy!, time.GetUtcNow())
                    );
                },
                cancellationToken
            );
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainValidationException(
                "draft",
                $"Draft {draftNumber} has already been decided by someone else; reload the intake."
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException(
                "version",
                "The intake changed since you loaded it (another decision was made); reload it and decide again."
            );
        }
    }

    public async Task RejectAsync(
        Guid intakeId,
        int draftNumber,
        uint expectedVersion,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "reject drafts");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var row =
            await db.ArticleIntakes.SingleOrDefaultAsync(i => i.Id == intakeId, cancellationToken)
            ?? throw new DomainValidationException("intake", "There is no such intake.");
        if (draftNumber < 1 || draftNumber > row.DraftCount)
        {
            throw new DomainValidationException("draft", $"The intake has no draft {draftNumber}.");
        }

        Decide(db, row, expectedVersion);
        db.IntakeDecisions.Add(IntakeDecision.Reject(intakeId, draftNumber, db.ChangedBy!, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainValidationException(
                "draft",
                $"Draft {draftNumber} has already been decided; reload the intake."
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException(
                "version",
                "The intake changed since you loaded it (another decision was made); reload it and decide again."
            );
        }
    }

    /// <summary>Accepts every undecided draft at or above <paramref name="minimum"/> confidence that can be accepted as
    /// proposed, one by one.</summary>
    public async Task<AcceptAllReport> AcceptAllAsync(
        Guid intakeId,
        double minimum,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "accept drafts");
        if (double.IsNaN(minimum) || minimum is < 0 or > 1)
        {
            throw new DomainValidationException("minimum", "The confidence is a number from 0 to 1.");
        }

        var accepted = 0;
        var skipped = new List<(int, string)>();
        var view =
            await GetAsync(intakeId, cancellationToken)
            ?? throw new DomainValidationException("intake", "There is no such intake.");
        foreach (var state in view.Drafts.Where(d => d.Decision is null && d.Draft.Confidence >= minimum))
        {
            if (state.Blocker is not null)
            {
                skipped.Add((state.Draft.Number, state.Blocker));
                continue;
            }

            var current = (await GetAsync(intakeId, cancellationToken))!;
            try
            {
                await AcceptAsync(intakeId, state.Draft.Number, current.Version, null, cancellationToken);
                accepted++;
            }
            catch (DomainValidationException e)
            {
                skipped.Add((state.Draft.Number, e.Message));
            }
        }

        return new AcceptAllReport(accepted, skipped);
    }

    /// <summary>Moves the intake's version (the row is written), refusing a decision made on an older one.</summary>
    private static void Decide(AppDbContext db, ArticleIntake row, uint expectedVersion)
    {
        if (row.Version != expectedVersion)
        {
            throw new StaleVersionException(
                "version",
                "The intake changed since you loaded it (another decision was made); reload it and decide again."
            );
        }

        db.Entry(row).Property(i => i.Version).OriginalValue = expectedVersion;
        db.Entry(row).State = EntityState.Modified;
    }
}
