using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// The editor's main flow: a new sourced statement (claim, citation, and if needed a new actor and a
/// new source) saved in one transaction, and later edits guarded by optimistic concurrency. Every
/// operation demands the Edit policy; every save writes history under the editor's name. Bad input
/// raises one <see cref="DomainValidationException"/> listing every bad field, and nothing is stored.
/// </summary>
public sealed class StatementEditorService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    TimeProvider time
)
{
    public const double SimilarityThreshold = 0.5;

    public Task<Guid> CreateAsync(StatementInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(input, alongside: null, cancellationToken);

    /// <summary>
    /// Enters a statement; <paramref name="alongside"/> adds what else belongs to the same save (an intake's
    /// decision on the draft the statement came from), so both are stored in one transaction or neither is.
    /// </summary>
    public async Task<Guid> CreateAsync(
        StatementInput input,
        Func<AppDbContext, Guid, CancellationToken, Task>? alongside,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "enter statements");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.Give(input.Reason);
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();

        var parts = await ResolveAsync(db, input, errors, cancellationToken);
        var source = await SourceAsync(db, input, errors, cancellationToken);
        var claim = parts is null ? null : errors.Check(() => Claim.Create(parts, now));
        var first =
            claim is not null && source is not null
                ? errors.Check(() => claim.Cite(source, input.CitationRole, input.CitationQuote, input.CitationLocator))
                : null;
        var further = await FurtherSourcesAsync(db, input.FurtherCitations, errors, cancellationToken);
        if (claim is not null && first is not null)
        {
            foreach (var (citation, furtherSource) in input.FurtherCitations.Zip(further))
            {
                if (furtherSource is not null)
                {
                    errors.Check(() =>
                        claim.Cite(
                            furtherSource,
                            citation.Role,
                            citation.Quote,
                            citation.Locator,
                            citation.DerivesFromFirst ? first : null
                        )
                    );
                }
            }
        }

        var affiliation =
            parts?.AssertedBy is { } newSpeaker && input.NewActor is { } newActor
                ? await NewActorPartsAsync(db, newSpeaker, newActor, parts.OnBehalfOf, errors, cancellationToken)
                : null;

        var places = await PlacesAsync(db, input.PlaceIds, errors, cancellationToken);
        if (
            input.NewActor?.Name is { } speaker
            && input.NewSource?.NewPublisher?.Name is { } outlet
            && string.Equals(speaker.Trim(), outlet.Trim(), StringComparison.Ordinal)
        )
        {
            errors.Add(
                "NewPublisher.Name",
                "The new speaker and the new publisher have the same name; choose the speaker as the publisher instead."
            );
        }

        errors.ThrowIfAny();
        foreach (var place in places)
        {
            claim!.AddPlace(place);
        }

        // New actors and sources are saved with the claim, in the same transaction, or not at all.
        if (parts!.AssertedBy is { } actor && db.Entry(actor).State == EntityState.Detached)
        {
            db.Actors.Add(actor);
        }

        if (db.Entry(source!).State == EntityState.Detached)
        {
            db.Sources.Add(source!);
        }

        if (affiliation is not null)
        {
            db.Affiliations.Add(affiliation);
        }

        db.Claims.Add(claim!);
        if (alongside is not null)
        {
            await alongside(db, claim!.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return claim!.Id;
    }

    /// <summary>
    /// Saves an edit made on <paramref name="expectedVersion"/> of the claim. When someone else saved
    /// first, throws <see cref="ConcurrencyConflictException"/> with what they changed; nothing is stored.
    /// </summary>
    public async Task UpdateAsync(
        Guid claimId,
        uint expectedVersion,
        StatementInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change statements");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.Give(input.Reason);
        var claim =
            await db.Claims.Include(c => c.Places).SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
            ?? throw new DomainValidationException(
                "Claim",
                "There is no such claim; it may have been entered under another address."
            );
        if (claim.Version != expectedVersion)
        {
            throw await VersionedWrites.ConflictAsync(db, claimId, claim.Version, cancellationToken);
        }

        db.Entry(claim).Property(c => c.Version).OriginalValue = expectedVersion;
        var errors = new ValidationErrors();
        var parts = await ResolveAsync(db, input, errors, cancellationToken);
        if (parts is not null)
        {
            errors.Check(() => claim.Revise(parts, time.GetUtcNow()));
        }

        var places = await PlacesAsync(db, input.PlaceIds, errors, cancellationToken);
        errors.ThrowIfAny();
        foreach (var gone in claim.Places.Where(p => !input.PlaceIds.Contains(p.Id)).ToList())
        {
            claim.RemovePlace(gone.Id);
        }

        foreach (var place in places)
        {
            claim.AddPlace(place);
        }

        // Changing only the places touches only claim_places; update the claim row as well so its
        // version moves and an edit made on the old list of places is refused, not silently merged.
        db.Entry(claim).State = EntityState.Modified;
        await SaveOrConflictAsync(db, claimId, cancellationToken);
    }

    /// <summary>
    /// Adds a source to a claim's chain: its role, and the citation it derives from (a republication
    /// of the first report, which reports the origin). The chain rules are the domain's (Claim.Cite).
    /// </summary>
    /// <returns>The claim's new version.</returns>
    public async Task<uint> AddCitationAsync(
        Guid claimId,
        uint expectedVersion,
        CitationInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change statements");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var claim =
            await db.Claims.Include(c => c.Citations).SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
            ?? throw new DomainValidationException("Claim", "There is no such claim.");
        if (claim.Version != expectedVersion)
        {
            throw await VersionedWrites.ConflictAsync(db, claimId, claim.Version, cancellationToken);
        }

        var source = input.SourceId is { } sourceId
            ? await db.Sources.SingleOrDefaultAsync(s => s.Id == sourceId, cancellationToken)
            : null;
        if (source is null)
        {
            throw new DomainValidationException(
                nameof(CitationInput.SourceId),
                input.SourceId is null ? "Choose the source to cite." : "That source does not exist."
            );
        }

        var derivedFrom = input.DerivedFromId is { } parentId
            ? claim.Citations.SingleOrDefault(c => c.Id == parentId)
            : null;
        if (input.DerivedFromId is not null && derivedFrom is null)
        {
            throw new DomainValidationException(
                "Citation.DerivedFromId",
                "A citation can only derive from another citation of the same claim."
            );
        }

        claim.Cite(source, input.Role, input.Quote, input.Locator, derivedFrom);
        // The new citation changes the claim's evidence: bump the claim's version too, so a concurrent
        // edit made on the old chain is refused rather than saved over it.
        db.Entry(claim).Property(c => c.Version).OriginalValue = expectedVersion;
        db.Entry(claim).State = EntityState.Modified;
        await SaveOrConflictAsync(db, claimId, cancellationToken);
        return claim.Version;
    }

    /// <summary>Saves; when another editor saved the claim in between, reports who and what instead of
    /// failing.</summary>
    private async Task SaveOrConflictAsync(AppDbContext db, Guid claimId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh
                .Claims.AsNoTracking()
                .Where(c => c.Id == claimId)
                .Select(c => c.Version)
                .SingleAsync(cancellationToken);
            throw await VersionedWrites.ConflictAsync(fresh, claimId, current, cancellationToken);
        }
    }

    /// <summary>The claim's current chain, for the form: citation id, source title, role.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Source, CitationRole Role, Guid? DerivedFromId)>> CitationsAsync(
        Guid claimId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change statements");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from citation in db.Citations.AsNoTracking()
            where citation.ClaimId == claimId
            join source in db.Sources on citation.SourceId equals source.Id
            orderby citation.Role
            select new
            {
                citation.Id,
                source.Title,
                citation.Role,
                citation.DerivedFromId,
            }
        ).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Title, r.Role, r.DerivedFromId)).ToList();
    }

    /// <summary>Retracts a claim with a reason (hidden by default, never deleted).</summary>
    public async Task RetractAsync(
        Guid claimId,
        uint expectedVersion,
        string? reason,
        CancellationToken cancellationToken = default
    ) =>
        await ChangeStatusAsync(
            claimId,
            expectedVersion,
            "retract statements",
            c => c.Retract(reason),
            cancellationToken
        );

    public async Task RestoreAsync(Guid claimId, uint expectedVersion, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(claimId, expectedVersion, "restore statements", c => c.Restore(), cancellationToken);

    /// <summary>The same actor's claims on the same proposition whose wording is very similar (pg_trgm similarity ≥
    /// 0.5).</summary>
    public async Task<IReadOnlyList<SimilarClaim>> SimilarAsync(
        Guid actorId,
        Guid propositionId,
        string? summary,
        Guid? except = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "enter statements");
        if (string.IsNullOrWhiteSpace(summary))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var text = summary.Trim();
        var rows = await db
            .Claims.AsNoTracking()
            .Where(c =>
                c.AssertedById == actorId
                && c.PropositionId == propositionId
                && c.Id != except
                && c.Status != ClaimStatus.Retracted
            )
            .Select(c => new
            {
                c.Id,
                c.Summary,
                c.StatedOn,
                Similarity = EF.Functions.TrigramsSimilarity(c.Summary, text),
            })
            .Where(c => c.Similarity >= SimilarityThreshold)
            .OrderByDescending(c => c.Similarity)
            .Take(5)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SimilarClaim(r.Id, r.Summary, r.StatedOn.ToString(), r.Similarity)).ToList();
    }

    /// <summary>
    /// Statements to copy from: with no text, the ones this editor entered last (newest first); with text, those whose
    /// speaker or wording matches it.
    /// </summary>
    public async Task<IReadOnlyList<LookupItem>> PreviousAsync(
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "enter statements");
        var me = (await access.UserAsync()).Identity?.Name;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claims =
            from claim in db.Claims.AsNoTracking()
            where claim.Status != ClaimStatus.Retracted
            join actor in db.Actors on claim.AssertedById equals actor.Id
            select new
            {
                claim,
                actor.Name,
                Entered = db
                    .ChangeHistory.Where(h =>
                        h.EntityType == nameof(Claim)
                        && h.EntityId == claim.Id
                        && h.Action == ChangeAction.Created
                        && h.ChangedBy == me
                    )
                    .Max(h => (DateTimeOffset?)h.ChangedAt),
            };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern =
                $"%{text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal)}%";
            claims = claims.Where(c =>
                EF.Functions.ILike(c.claim.Summary, pattern) || EF.Functions.ILike(c.Name, pattern)
            );
        }
        else
        {
            claims = claims.Where(c => c.Entered != null);
        }

        return await claims
            .OrderByDescending(c => c.Entered ?? DateTimeOffset.MinValue)
            .ThenByDescending(c => c.claim.StatedOn.Date)
            .ThenBy(c => c.claim.Id)
            .Take(LookupService.Limit)
            .Select(c => new LookupItem(c.claim.Id, c.Name + ": " + c.claim.Summary))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The source of the statement this editor entered last (its first citation), or null.</summary>
    public async Task<LookupItem?> LastSourceAsync(CancellationToken cancellationToken = default)
    {
        var mine = await PreviousAsync(null, cancellationToken);
        return mine.Count == 0 ? null : (await CopyAsync(mine[0].Id, cancellationToken))?.Source;
    }

    /// <summary>
    /// What a new statement takes over from a previous one reported alongside it: the proposition, the source with
    /// the citation's role, the places, and the quote's and translation's languages. Not the speaker, the wording,
    /// the dates nor the figure: those are the new statement's own.
    /// </summary>
    public async Task<StatementCopy?> CopyAsync(Guid claimId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "enter statements");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claim = await db
            .Claims.AsNoTracking()
            .Include(c => c.Places)
            .Include(c => c.Citations)
            .SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var citation = claim
            .Citations.OrderBy(c => c.DerivedFromId is null ? 0 : 1)
            .ThenBy(c => c.Role)
            .FirstOrDefault();
        var ids = claim.Places.Select(p => p.Id).Append(claim.PropositionId).ToList();
        var names = await db
            .Places.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name })
            .Concat(
                db.Propositions.Where(p => p.Id == claim.PropositionId).Select(p => new { p.Id, Name = p.Statement })
            )
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var source = citation is null
            ? null
            : await db
                .Sources.Where(s => s.Id == citation.SourceId)
                .Select(s => new LookupItem(s.Id, s.Title))
                .SingleOrDefaultAsync(cancellationToken);
        return new StatementCopy(
            new LookupItem(claim.PropositionId, names[claim.PropositionId]),
            source,
            citation?.Role ?? CitationRole.Origin,
            claim.Places.Select(p => new LookupItem(p.Id, names[p.Id])).ToList(),
            claim.Quote?.Language,
            claim.Quote?.TranslationLanguage
        );
    }

    /// <summary>The form's values for an existing claim, and the version they were read at.</summary>
    public async Task<(StatementInput Input, uint Version)?> LoadAsync(
        Guid claimId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change statements");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claim = await db
            .Claims.AsNoTracking()
            .Include(c => c.Places)
            .SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        return claim is null ? null : (ToInput(claim), claim.Version);
    }

    internal static StatementInput ToInput(Claim claim) =>
        new()
        {
            PropositionId = claim.PropositionId,
            ActorId = claim.AssertedById,
            OnBehalfOfId = claim.OnBehalfOfId,
            Stance = claim.Stance,
            Summary = claim.Summary,
            StatedOn = FormDates.Text(claim.StatedOn),
            EventStart = claim.EventPeriod is { } p ? FormDates.Text(p.Start) : null,
            EventEnd = claim.EventPeriod is { } q && !q.End.Equals(q.Start) ? FormDates.Text(q.End) : null,
            QuoteText = claim.Quote?.Text,
            QuoteLanguage = claim.Quote?.Language,
            Translation = claim.Quote?.Translation,
            TranslationLanguage = claim.Quote?.TranslationLanguage,
            MeasureId = claim.MeasureId,
            QuantityMin = claim.Quantity?.Min,
            QuantityMax = claim.Quantity is { } quantity && quantity.Max != quantity.Min ? quantity.Max : null,
            QuantityQualifier = claim.Quantity?.Qualifier ?? QuantityQualifier.Exact,
            PlaceIds = claim.Places.Select(p => p.Id).ToList(),
            Status = claim.Status == ClaimStatus.Retracted ? ClaimStatus.Published : claim.Status,
        };

    private async Task ChangeStatusAsync(
        Guid claimId,
        uint expectedVersion,
        string operation,
        Action<Claim> change,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Edit, operation);
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var claim =
            await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
            ?? throw new DomainValidationException("Claim", "There is no such claim.");
        if (claim.Version != expectedVersion)
        {
            throw await VersionedWrites.ConflictAsync(db, claimId, claim.Version, cancellationToken);
        }

        db.Entry(claim).Property(c => c.Version).OriginalValue = expectedVersion;
        change(claim);
        await SaveOrConflictAsync(db, claimId, cancellationToken);
    }

    /// <summary>Turns the form into a <see cref="NewClaim"/>, collecting every problem (unknown ids, bad dates, bad
    /// figures) at once.</summary>
    private static async Task<NewClaim?> ResolveAsync(
        AppDbContext db,
        StatementInput input,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var proposition = input.PropositionId is { } propositionId
            ? await db
                .Propositions.Include(p => p.Measures)
                .SingleOrDefaultAsync(p => p.Id == propositionId, cancellationToken)
            : null;
        if (proposition is null)
        {
            errors.Add(
                nameof(StatementInput.PropositionId),
                input.PropositionId is null
                    ? "Choose the proposition the statement is about."
                    : "That proposition does not exist."
            );
        }

        Actor? actor = null;
        if (input.ActorId is not null && input.NewActor is not null)
        {
            errors.Add(nameof(StatementInput.ActorId), "Give either an existing actor or a new one, not both.");
        }
        else if (input.ActorId is { } actorId)
        {
            actor = await db.Actors.SingleOrDefaultAsync(a => a.Id == actorId, cancellationToken);
            if (actor is null)
            {
                errors.Add(nameof(StatementInput.ActorId), "That actor does not exist.");
            }
        }
        else if (input.NewActor is { } newActor)
        {
            actor = errors.Check(() => Actor.Create(newActor.Name, newActor.Kind, newActor.CountryCode));
            if (actor is not null && await db.Actors.AnyAsync(a => a.Name == actor.Name, cancellationToken))
            {
                errors.Add("NewActor.Name", $"An actor named '{actor.Name}' exists already; choose it instead.");
            }
        }
        else
        {
            errors.Add(nameof(StatementInput.ActorId), "Choose who made the statement, or enter a new actor.");
        }

        Actor? onBehalfOf = null;
        if (
            input.OnBehalfOfId is { } behalfId
            && (onBehalfOf = await db.Actors.SingleOrDefaultAsync(a => a.Id == behalfId, cancellationToken)) is null
        )
        {
            errors.Add(nameof(StatementInput.OnBehalfOfId), "That actor does not exist.");
        }

        var statedOn = errors.Check(() => PartialDate.Parse(input.StatedOn, nameof(StatementInput.StatedOn)));
        EventPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(input.EventStart) || !string.IsNullOrWhiteSpace(input.EventEnd))
        {
            var start = errors.Check(() =>
                PartialDate.Parse(
                    string.IsNullOrWhiteSpace(input.EventStart) ? input.EventEnd : input.EventStart,
                    nameof(StatementInput.EventStart)
                )
            );
            var end = string.IsNullOrWhiteSpace(input.EventEnd)
                ? start
                : errors.Check(() => PartialDate.Parse(input.EventEnd, nameof(StatementInput.EventEnd)));
            if (start is not null && end is not null)
            {
                period = errors.Check(() => EventPeriod.Create(start, end));
            }
        }

        Quote? quote = null;
        if (!string.IsNullOrWhiteSpace(input.QuoteText) || !string.IsNullOrWhiteSpace(input.Translation))
        {
            quote = errors.Check(() =>
                Quote.Create(input.QuoteText, input.QuoteLanguage, input.Translation, input.TranslationLanguage)
            );
        }

        Measure? measure = null;
        Quantity? quantity = null;
        if (input.NewMeasure is { } newMeasure && input.MeasureId is null)
        {
            measure = proposition is null
                ? null
                : errors.Check(() => proposition.AddMeasure(newMeasure.Name, newMeasure.Unit));
        }
        else if (input.MeasureId is { } measureId)
        {
            measure = proposition?.Measures.SingleOrDefault(m => m.Id == measureId);
            if (measure is null && proposition is not null)
            {
                errors.Add("Measure", "That measure is not one of the proposition's.");
            }
        }

        if (input.QuantityMin is { } min)
        {
            quantity = errors.Check(() => Quantity.Create(min, input.QuantityMax, input.QuantityQualifier));
        }
        else if (input.QuantityMax is not null)
        {
            errors.Add("Quantity", "Give the figure (or the lower end of the range) first.");
        }

        if (proposition is null || actor is null || statedOn is null)
        {
            // The claim cannot be built; still report its own field rules with everything else.
            errors.Check(() => Rules.RequiredText(input.Summary, nameof(StatementInput.Summary), MaxLengths.Summary));
            return null;
        }

        return new NewClaim(proposition, actor, statedOn, input.Stance, input.Summary)
        {
            OnBehalfOf = onBehalfOf,
            EventPeriod = period,
            Quote = quote,
            Measure = measure,
            Quantity = quantity,
            Status = input.Status,
        };
    }

    private static async Task<Source?> SourceAsync(
        AppDbContext db,
        StatementInput input,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        if (input.SourceId is not null && input.NewSource is not null)
        {
            errors.Add(nameof(StatementInput.SourceId), "Cite either an existing source or a new one, not both.");
            return null;
        }

        if (input.SourceId is { } sourceId)
        {
            var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
            if (source is null)
            {
                errors.Add(nameof(StatementInput.SourceId), "That source does not exist.");
            }

            return source;
        }

        if (input.NewSource is not { } newSource)
        {
            errors.Add(
                nameof(StatementInput.SourceId),
                "Cite the source of the statement: choose one or enter a new one."
            );
            return null;
        }

        Actor? publisher = null;
        if (
            newSource.PublisherId is { } publisherId
            && (publisher = await db.Actors.SingleOrDefaultAsync(a => a.Id == publisherId, cancellationToken)) is null
        )
        {
            errors.Add("NewSource.PublisherId", "That publisher does not exist.");
        }
        else if (newSource.PublisherId is null && newSource.NewPublisher is { } newPublisher)
        {
            publisher = await SourceEditorService.NewPublisherAsync(db, newPublisher, errors, cancellationToken);
        }

        var published = string.IsNullOrWhiteSpace(newSource.PublishedOn)
            ? null
            : errors.Check(() => PartialDate.Parse(newSource.PublishedOn, "NewSource.PublishedOn"));
        var created = errors.Check(() =>
            Source.Create(
                newSource.Kind,
                newSource.Title,
                newSource.Url,
                publisher,
                published,
                null,
                newSource.Language,
                reliability: newSource.Reliability
            )
        );
        return created;
    }

    /// <summary>
    /// The new actor's other names, and its role: an affiliation with the organisation given, or else with the
    /// body the statement is made on behalf of (which the actor, holding a role there, speaks for).
    /// </summary>
    private static async Task<Affiliation?> NewActorPartsAsync(
        AppDbContext db,
        Actor actor,
        NewActorInput input,
        Actor? onBehalfOf,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        foreach (var alias in input.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            errors.Check(() => actor.AddAlias(alias.Trim(), null));
        }

        if (string.IsNullOrWhiteSpace(input.Role))
        {
            return null;
        }

        var organisation = input.RoleOrganisationId is { } organisationId
            ? await db.Actors.SingleOrDefaultAsync(a => a.Id == organisationId, cancellationToken)
            : onBehalfOf;
        if (organisation is null)
        {
            errors.Add(
                "NewActor.RoleOrganisationId",
                input.RoleOrganisationId is null
                    ? "Choose the organisation of the role, or the body the statement is made on behalf of."
                    : "That organisation does not exist."
            );
            return null;
        }

        var speaksFor = onBehalfOf is not null && organisation.Id == onBehalfOf.Id;
        return errors.Check(() => Affiliation.Create(actor, organisation, input.Role, null, null, speaksFor));
    }

    private static async Task<IReadOnlyList<Source?>> FurtherSourcesAsync(
        AppDbContext db,
        IReadOnlyList<FurtherCitationInput> citations,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var sources = new List<Source?>();
        foreach (var citation in citations)
        {
            var source = citation.SourceId is { } id
                ? await db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                : null;
            if (source is null)
            {
                errors.Add(
                    "FurtherCitations.SourceId",
                    citation.SourceId is null ? "Choose the further source." : "That source does not exist."
                );
            }

            sources.Add(source);
        }

        return sources;
    }

    private static async Task<IReadOnlyList<Place>> PlacesAsync(
        AppDbContext db,
        IReadOnlyList<Guid> ids,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var places = await db.Places.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (places.Count != ids.Distinct().Count())
        {
            errors.Add(nameof(StatementInput.PlaceIds), "One of the places does not exist.");
        }

        return places;
    }
}
