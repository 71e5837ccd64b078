using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Actors;

/// <summary>
/// The actor form's writes: actors, their aliases and affiliations. The contract of every editor
/// (<see cref="Claims.StatementEditorService"/>), with optimistic concurrency as <see cref="VersionedWrites"/> applies
/// it.
/// </summary>
public sealed class ActorEditorService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<Loaded<ActorInput>?> LoadActorAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return actor is null
            ? null
            : new(
                new ActorInput(
                    actor.Name,
                    actor.Kind,
                    actor.CountryCode,
                    actor.Description,
                    actor.Reliability,
                    actor.IsCollective
                ),
                actor.Version
            );
    }

    /// <summary>How alike two names must be (pg_trgm similarity) for a new actor to be warned about.</summary>
    public const double SimilarityThreshold = 0.5;

    /// <summary>
    /// Actors whose name or one of whose other names is very like <paramref name="name"/> (pg_trgm similarity ≥
    /// 0.5: "Kyrylo Budanow" finds Kyrylo Budanov), most alike first: a new actor of that name is probably one of
    /// them. The form warns; it does not block.
    /// </summary>
    public async Task<IReadOnlyList<LookupItem>> SimilarActorsAsync(
        string? name,
        Guid? except = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "create actors");
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var text = name.Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db
            .Actors.AsNoTracking()
            .Where(a => a.Id != except)
            .Select(a => new
            {
                a.Id,
                a.Name,
                Similarity = Math.Max(
                    EF.Functions.TrigramsSimilarity(a.Name, text),
                    db.ActorAliases.Where(alias => alias.ActorId == a.Id)
                        .Max(alias => (double?)EF.Functions.TrigramsSimilarity(alias.Name, text))
                        ?? 0
                ),
            })
            .Where(a => a.Similarity >= SimilarityThreshold)
            .OrderByDescending(a => a.Similarity)
            .ThenBy(a => a.Name)
            .Take(5)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new LookupItem(a.Id, a.Name)).ToList();
    }

    public async Task<Guid> SaveActorAsync(
        Guid? id,
        uint version,
        ActorInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create actors" : "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.Give(input.Reason);
        Actor actor;
        if (id is null)
        {
            actor = Actor.Create(
                input.Name,
                input.Kind,
                input.CountryCode,
                input.Description,
                input.Reliability,
                isCollective: input.IsCollective
            );
            db.Actors.Add(actor);
        }
        else
        {
            actor = await VersionedWrites.TrackAsync(
                db,
                db.Actors.Include(a => a.Aliases),
                id.Value,
                version,
                a => a.Version,
                cancellationToken
            );
            actor.Revise(
                input.Name,
                input.Kind,
                input.CountryCode,
                input.Description,
                input.Reliability,
                input.IsCollective
            );
        }

        if (await db.Actors.AnyAsync(a => a.Name == actor.Name && a.Id != actor.Id, cancellationToken))
        {
            throw new DomainValidationException(
                nameof(ActorInput.Name),
                $"An actor named '{actor.Name}' exists already."
            );
        }

        await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
        return actor.Id;
    }

    public async Task<IReadOnlyList<(Guid Id, string Name, string? Language)>> AliasesAsync(
        Guid actorId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db
            .ActorAliases.AsNoTracking()
            .Where(a => a.ActorId == actorId)
            .OrderBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Language,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a => (a.Id, a.Name, a.Language)).ToList();
    }

    public async Task AddAliasAsync(
        Guid actorId,
        string? alias,
        string? language,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var actor =
            await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == actorId, cancellationToken)
            ?? throw VersionedWrites.Missing("actor");
        actor.AddAlias(alias, language);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAliasAsync(Guid actorId, Guid aliasId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var actor =
            await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == actorId, cancellationToken)
            ?? throw VersionedWrites.Missing("actor");
        var alias = actor.Aliases.FirstOrDefault(a => a.Id == aliasId);
        actor.RemoveAlias(aliasId);
        db.ActorAliases.Remove(alias!);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a role the actor held in an organisation ("Press Secretary", from 2012-05-22).</summary>
    public async Task AddAffiliationAsync(
        Guid memberId,
        AffiliationInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change actors");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var errors = new ValidationErrors();
        var member =
            await db.Actors.SingleOrDefaultAsync(a => a.Id == memberId, cancellationToken)
            ?? throw VersionedWrites.Missing("actor");
        var organisation = input.OrganisationId is { } orgId
            ? await db.Actors.SingleOrDefaultAsync(a => a.Id == orgId, cancellationToken)
            : null;
        if (organisation is null)
        {
            errors.Add(
                nameof(AffiliationInput.OrganisationId),
                input.OrganisationId is null ? "Choose the organisation." : "That organisation does not exist."
            );
        }

        var from = FormDates.Day(input.From, nameof(AffiliationInput.From), errors);
        var to = FormDates.Day(input.To, nameof(AffiliationInput.To), errors);
        errors.ThrowIfAny();
        db.Affiliations.Add(Affiliation.Create(member, organisation!, input.Role, from, to, input.SpeaksFor));
        await db.SaveChangesAsync(cancellationToken);
    }
}
