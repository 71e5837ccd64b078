using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Actors;

public sealed record AliasView(string Name, string? Language);

/// <summary>A role over time; <see cref="AsMember"/> tells whether the actor held it or is the organisation.</summary>
public sealed record AffiliationView(
    bool AsMember,
    EntityRef Other,
    string Role,
    DateOnly? From,
    DateOnly? To,
    bool SpeaksFor
);

public sealed record PropositionStances(EntityRef Proposition, IReadOnlyDictionary<Stance, int> Counts);

/// <summary>How the actor's claims fared: how many were later contradicted, superseded or corroborated (confirmed
/// relations).</summary>
/// <param name="Contradicted">Claims in a confirmed contradiction whose reviewer judged this side the wrong
/// one.</param>
/// <param name="Unresolved">Claims in a confirmed contradiction nobody judged ("can't tell", or confirmed before
/// the judgement was asked): counted against neither side.</param>
public sealed record TrackRecord(int Claims, int Contradicted, int Superseded, int Corroborated, int Unresolved = 0);

public sealed record ActorDetails(
    Guid Id,
    string Name,
    ActorKind Kind,
    string? CountryCode,
    string? Description,
    ReliabilityGrade? Reliability,
    bool IsCollective,
    IReadOnlyList<AliasView> Aliases,
    IReadOnlyList<AffiliationView> Affiliations,
    IReadOnlyList<PropositionStances> ByProposition,
    TrackRecord TrackRecord,
    IReadOnlyList<ClaimListItem> Claims,
    uint Version
);

public sealed class ActorDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<ActorDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read an actor");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db
            .Actors.AsNoTracking()
            .Include(a => a.Aliases)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        var affiliations = await (
            from affiliation in db.Affiliations.AsNoTracking()
            where affiliation.MemberId == id || affiliation.OrganisationId == id
            let otherId = affiliation.MemberId == id ? affiliation.OrganisationId : affiliation.MemberId
            join other in db.Actors on otherId equals other.Id
            orderby affiliation.From
            select new AffiliationView(
                affiliation.MemberId == id,
                new EntityRef(other.Id, other.Name),
                affiliation.Role,
                affiliation.From,
                affiliation.To,
                affiliation.SpeaksFor
            )
        ).ToListAsync(cancellationToken);

        // The actor's own claims and those made on its behalf (a ministry's include its minister's).
        var claims = db
            .Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Published && (c.AssertedById == id || c.OnBehalfOfId == id));
        var rows = await ClaimSearchService
            .Project(db, claims.OrderByDescending(c => c.StatedOn.Date).ThenByDescending(c => c.Id))
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => r.ToItem()).ToList();

        var byProposition = items
            .GroupBy(i => new EntityRef(i.PropositionId, i.Proposition))
            .Select(g => new PropositionStances(
                g.Key,
                g.GroupBy(i => i.Stance).ToDictionary(s => s.Key, s => s.Count())
            ))
            .OrderByDescending(p => p.Counts.Values.Sum())
            .ToList();

        return new ActorDetails(
            actor.Id,
            actor.Name,
            actor.Kind,
            actor.CountryCode,
            actor.Description,
            actor.Reliability,
            actor.IsCollective,
            actor.Aliases.OrderBy(a => a.Name).Select(a => new AliasView(a.Name, a.Language)).ToList(),
            affiliations,
            byProposition,
            await TrackRecordAsync(db, id, items.Count, cancellationToken),
            items,
            actor.Version
        );
    }

    /// <summary>
    /// Of the published claims counted above (the actor's own and those made on its behalf), counts those
    /// that a confirmed contradiction's reviewer judged wrong (only that side), superseded (the claim is the one
    /// replaced) or corroborated (either side), and those in a confirmed contradiction nobody judged (unresolved).
    /// </summary>
    private static async Task<TrackRecord> TrackRecordAsync(
        AppDbContext db,
        Guid actorId,
        int claimCount,
        CancellationToken cancellationToken
    )
    {
        var own = db
            .Claims.Where(c =>
                c.Status == ClaimStatus.Published && (c.AssertedById == actorId || c.OnBehalfOfId == actorId)
            )
            .Select(c => c.Id);
        var confirmed = db.Relations.AsNoTracking().Where(r => r.State == ReviewState.Confirmed);

        async Task<int> CountAsync(RelationType type, bool eitherSide)
        {
            var ofType = confirmed.Where(r => r.Type == type);
            var touched = eitherSide
                ? ofType.Select(r => r.FromClaimId).Concat(ofType.Select(r => r.ToClaimId))
                : ofType.Select(r => r.ToClaimId);
            return await touched.Where(claimId => own.Contains(claimId)).Distinct().CountAsync(cancellationToken);
        }

        var contradictions = confirmed.Where(r => r.Type == RelationType.Contradicts);
        var judgedWrong = await contradictions
            .Where(r => r.WrongClaimId != null)
            .Select(r => r.WrongClaimId!.Value)
            .Where(claimId => own.Contains(claimId))
            .Distinct()
            .CountAsync(cancellationToken);
        var unjudged = contradictions.Where(r => r.WrongClaimId == null);
        var unresolved = await unjudged
            .Select(r => r.FromClaimId)
            .Concat(unjudged.Select(r => r.ToClaimId))
            .Where(claimId => own.Contains(claimId))
            .Distinct()
            .CountAsync(cancellationToken);
        return new TrackRecord(
            claimCount,
            judgedWrong,
            await CountAsync(RelationType.Supersedes, eitherSide: false),
            await CountAsync(RelationType.Corroborates, eitherSide: true),
            unresolved
        );
    }
}
