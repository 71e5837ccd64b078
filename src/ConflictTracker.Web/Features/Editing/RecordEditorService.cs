using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Editing;

/// <param name="IsCollective">A collective or unidentified source, whose claims never share a voice (docs/rules/origin-counting.md).</param>
public sealed record ActorInput(string? Name, ActorKind Kind, string? CountryCode, string? Description, ReliabilityGrade? Reliability, bool IsCollective = false);

public sealed record SourceInput(
    SourceKind Kind, string? Title, string? Url, Guid? PublisherId, string? PublishedOn, string? RetrievedOn,
    string? Language, string? ArchiveUrl, string? ContentHash, ReliabilityGrade? Reliability)
{
    /// <summary>A publisher not in ConflictTracker yet, created with the source.</summary>
    public NewActorInput? NewPublisher { get; init; }
}

public sealed record PropositionInput(string? Statement, string? Description);

public sealed record AffiliationInput(Guid? OrganisationId, string? Role, string? From, string? To, bool SpeaksFor);

/// <summary>A record as the edit form loads it: its values and the version they were read at.</summary>
public sealed record Loaded<T>(T Input, uint Version, bool Retracted = false);

/// <summary>
/// Editor forms for actors (with aliases and affiliations), sources and propositions (with measures).
/// The same contract as statements: the Edit policy on every operation, every bad field reported at
/// once with nothing stored, history written under the editor's name, and optimistic concurrency:
/// a save made on an old version is refused with what the other editor changed.
/// </summary>
public sealed class RecordEditorService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<Loaded<ActorInput>?> LoadActorAsync(Guid id)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.CreateDbContextAsync();
        var actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        return actor is null ? null : new(new ActorInput(actor.Name, actor.Kind, actor.CountryCode, actor.Description, actor.Reliability, actor.IsCollective), actor.Version);
    }

    public async Task<Guid> SaveActorAsync(Guid? id, uint version, ActorInput input)
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create actors" : "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        Actor actor;
        if (id is null)
        {
            actor = Actor.Create(input.Name, input.Kind, input.CountryCode, input.Description, input.Reliability, isCollective: input.IsCollective);
            db.Actors.Add(actor);
        }
        else
        {
            actor = await TrackAsync(db, db.Actors.Include(a => a.Aliases), id.Value, version, a => a.Version);
            actor.Revise(input.Name, input.Kind, input.CountryCode, input.Description, input.Reliability, input.IsCollective);
        }

        if (await db.Actors.AnyAsync(a => a.Name == actor.Name && a.Id != actor.Id))
        {
            throw new DomainValidationException(nameof(ActorInput.Name), $"An actor named '{actor.Name}' exists already.");
        }

        await SaveAsync(db, id);
        return actor.Id;
    }

    public async Task<IReadOnlyList<(Guid Id, string Name, string? Language)>> AliasesAsync(Guid actorId)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.CreateDbContextAsync();
        var rows = await db.ActorAliases.AsNoTracking().Where(a => a.ActorId == actorId).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Language }).ToListAsync();
        return rows.Select(a => (a.Id, a.Name, a.Language)).ToList();
    }

    public async Task AddAliasAsync(Guid actorId, string? alias, string? language)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var actor = await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == actorId) ?? throw Missing("actor");
        actor.AddAlias(alias, language);
        await db.SaveChangesAsync();
    }

    public async Task RemoveAliasAsync(Guid actorId, Guid aliasId)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var actor = await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == actorId) ?? throw Missing("actor");
        var alias = actor.Aliases.FirstOrDefault(a => a.Id == aliasId);
        actor.RemoveAlias(aliasId);
        db.ActorAliases.Remove(alias!);
        await db.SaveChangesAsync();
    }

    /// <summary>Records a role the actor held in an organisation ("Press Secretary", from 2012-05-22).</summary>
    public async Task AddAffiliationAsync(Guid memberId, AffiliationInput input)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var errors = new ValidationErrors();
        var member = await db.Actors.SingleOrDefaultAsync(a => a.Id == memberId) ?? throw Missing("actor");
        var organisation = input.OrganisationId is { } orgId ? await db.Actors.SingleOrDefaultAsync(a => a.Id == orgId) : null;
        if (organisation is null)
        {
            errors.Add(nameof(AffiliationInput.OrganisationId), input.OrganisationId is null ? "Choose the organisation." : "That organisation does not exist.");
        }

        var from = Day(input.From, nameof(AffiliationInput.From), errors);
        var to = Day(input.To, nameof(AffiliationInput.To), errors);
        errors.ThrowIfAny();
        db.Affiliations.Add(Affiliation.Create(member, organisation!, input.Role, from, to, input.SpeaksFor));
        await db.SaveChangesAsync();
    }

    public async Task<Loaded<SourceInput>?> LoadSourceAsync(Guid id)
    {
        await access.DemandAsync(Policies.Edit, "change sources");
        await using var db = await contextFactory.CreateDbContextAsync();
        var s = await db.Sources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        return s is null ? null : new(
            new SourceInput(s.Kind, s.Title, s.Url?.OriginalString, s.PublisherId, s.PublishedOn is { } p ? StatementEditorService.Text(p) : null,
                s.RetrievedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Language, s.ArchiveUrl?.OriginalString, s.ContentHash, s.Reliability),
            s.Version,
            s.Status == SourceStatus.Retracted);
    }

    public async Task<Guid> SaveSourceAsync(Guid? id, uint version, SourceInput input)
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create sources" : "change sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var errors = new ValidationErrors();
        Actor? publisher = null;
        if (input.PublisherId is { } publisherId && (publisher = await db.Actors.SingleOrDefaultAsync(a => a.Id == publisherId)) is null)
        {
            errors.Add(nameof(SourceInput.PublisherId), "That publisher does not exist.");
        }
        else if (input.PublisherId is null && input.NewPublisher is { } newPublisher)
        {
            publisher = await StatementEditorService.NewPublisherAsync(db, newPublisher, errors, default);
        }

        var published = string.IsNullOrWhiteSpace(input.PublishedOn) ? null : errors.Check(() => PartialDate.Parse(input.PublishedOn, nameof(SourceInput.PublishedOn)));
        var retrieved = Day(input.RetrievedOn, nameof(SourceInput.RetrievedOn), errors);
        Source? source = null;
        if (id is null)
        {
            source = errors.Check(() => Source.Create(input.Kind, input.Title, input.Url, publisher, published, retrieved, input.Language, input.ArchiveUrl, input.ContentHash, input.Reliability));
        }
        else
        {
            source = await TrackAsync(db, db.Sources, id.Value, version, s => s.Version);
            errors.Check(() => source.Revise(input.Kind, input.Title, input.Url, publisher, published, retrieved, input.Language, input.ArchiveUrl, input.ContentHash, input.Reliability));
        }

        errors.ThrowIfAny();
        if (id is null)
        {
            db.Sources.Add(source!);
        }

        await SaveAsync(db, id);
        return source!.Id;
    }

    public async Task RetractSourceAsync(Guid id, uint version, string? reason)
    {
        await access.DemandAsync(Policies.Edit, "retract sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var source = await TrackAsync(db, db.Sources, id, version, s => s.Version);
        source.Retract(reason);
        await SaveAsync(db, id);
    }

    public async Task RestoreSourceAsync(Guid id, uint version)
    {
        await access.DemandAsync(Policies.Edit, "retract sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var source = await TrackAsync(db, db.Sources, id, version, s => s.Version);
        source.Restore();
        await SaveAsync(db, id);
    }

    public async Task<Loaded<PropositionInput>?> LoadPropositionAsync(Guid id)
    {
        await access.DemandAsync(Policies.Edit, "change propositions");
        await using var db = await contextFactory.CreateDbContextAsync();
        var p = await db.Propositions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        return p is null ? null : new(new PropositionInput(p.Statement, p.Description), p.Version);
    }

    public async Task<Guid> SavePropositionAsync(Guid? id, uint version, PropositionInput input)
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create propositions" : "change propositions");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        Proposition proposition;
        if (id is null)
        {
            proposition = Proposition.Create(input.Statement, input.Description);
            db.Propositions.Add(proposition);
        }
        else
        {
            proposition = await TrackAsync(db, db.Propositions, id.Value, version, p => p.Version);
            proposition.Revise(input.Statement, input.Description);
        }

        if (await db.Propositions.AnyAsync(p => p.Statement == proposition.Statement && p.Id != proposition.Id))
        {
            throw new DomainValidationException(nameof(PropositionInput.Statement), "This proposition exists already; use it instead.");
        }

        await SaveAsync(db, id);
        return proposition.Id;
    }

    /// <summary>Adds a measure ("North Korean soldiers sent to Russia", unit "soldiers") that figures on the proposition count.</summary>
    public async Task AddMeasureAsync(Guid propositionId, string? name, string? unit)
    {
        await access.DemandAsync(Policies.Edit, "change propositions");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var proposition = await db.Propositions.Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == propositionId) ?? throw Missing("proposition");
        proposition.AddMeasure(name, unit);
        await db.SaveChangesAsync();
    }

    /// <summary>Loads the record for change, refusing at once when it was changed since <paramref name="version"/>.</summary>
    private static async Task<T> TrackAsync<T>(AppDbContext db, IQueryable<T> set, Guid id, uint version, Func<T, uint> currentVersion)
        where T : Domain.Common.Entity
    {
        var entity = await set.SingleOrDefaultAsync(e => e.Id == id) ?? throw Missing(typeof(T).Name.ToLowerInvariant());
        if (currentVersion(entity) != version)
        {
            throw await StatementEditorService.ConflictAsync(db, id, currentVersion(entity), default);
        }

        db.Entry(entity).Property("Version").OriginalValue = version;
        return entity;
    }

    private async Task SaveAsync(AppDbContext db, Guid? id)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException) when (id is not null)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync();
            var entry = db.ChangeTracker.Entries().First(e => e.Metadata.FindProperty("Version") is not null && e.Property("Id").CurrentValue is Guid g && g == id);
            var values = await entry.GetDatabaseValuesAsync();
            throw await StatementEditorService.ConflictAsync(fresh, id.Value, values?.GetValue<uint>("Version") ?? 0, default);
        }
    }

    private static DateOnly? Day(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return errors.Check(() => (DateOnly?)Rules.InRange(day, field));
        }

        errors.Add(field, $"'{text.Trim()}' is not a date; write 2024-10-18.");
        return null;
    }

    private static DomainValidationException Missing(string what) => new(what, $"There is no such {what}.");
}
