using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>Reads one claim with its chain of sources, related claims, open flags and the speaker's role at the time.</summary>
public sealed class ClaimDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<ClaimDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a claim");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.AsNoTracking().Include(c => c.Places).Include(c => c.Citations)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var actorIds = new[] { claim.AssertedById, claim.OnBehalfOfId }.OfType<Guid>().ToList();
        var actors = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var proposition = await db.Propositions.AsNoTracking().Where(p => p.Id == claim.PropositionId).Select(p => new EntityRef(p.Id, p.Statement)).SingleAsync(cancellationToken);
        var measure = claim.MeasureId is null ? null : await db.Measures.AsNoTracking().SingleAsync(m => m.Id == claim.MeasureId, cancellationToken);

        return new ClaimDetails(
            claim.Id,
            claim.Summary,
            claim.Stance,
            claim.Status,
            claim.RetractionReason,
            claim.Credibility,
            claim.CredibilityNote,
            claim.StatedOn.ToString(),
            claim.EventPeriod?.ToString(),
            claim.Quote is { } q ? new QuoteView(q.Text, q.Language, q.Translation, q.TranslationLanguage) : null,
            claim.Quantity is { } quantity && measure is not null ? new QuantityView(quantity.ToString(measure.Unit), quantity.ImpliedInterval.ToString() + " " + measure.Unit, measure.Name) : null,
            new EntityRef(claim.AssertedById, actors[claim.AssertedById]),
            await RoleAsync(db, claim, cancellationToken),
            claim.OnBehalfOfId is { } behalf ? new EntityRef(behalf, actors[behalf]) : null,
            proposition,
            claim.Places.OrderBy(p => p.Name).Select(p => new EntityRef(p.Id, p.Name)).ToList(),
            await CitationsAsync(db, claim, cancellationToken),
            await RelatedAsync(db, claim.Id, cancellationToken),
            await db.Flags.AsNoTracking().Where(f => f.ClaimId == claim.Id && f.Status == FlagStatus.Open).OrderBy(f => f.RaisedAt)
                .Select(f => new FlagView(f.Id, f.Kind, f.Comment, f.RaisedBy, f.RaisedAt, f.ClaimId)).ToListAsync(cancellationToken),
            claim.RecordedAt,
            claim.Version);
    }

    /// <summary>The role the speaker held when they spoke, preferring one in the body they spoke for.</summary>
    private static async Task<string?> RoleAsync(AppDbContext db, Claim claim, CancellationToken cancellationToken)
    {
        var roles = await db.Affiliations.AsNoTracking().Where(a => a.MemberId == claim.AssertedById).ToListAsync(cancellationToken);
        var held = roles.Where(a => a.IsHeldDuring(claim.StatedOn.Earliest, claim.StatedOn.Latest))
            .OrderByDescending(a => a.OrganisationId == claim.OnBehalfOfId).ThenByDescending(a => a.SpeaksFor).FirstOrDefault();
        if (held is null)
        {
            return null;
        }

        var organisation = await db.Actors.AsNoTracking().Where(a => a.Id == held.OrganisationId).Select(a => a.Name).SingleAsync(cancellationToken);
        return $"{held.Role}, {organisation}";
    }

    private static async Task<IReadOnlyList<CitationView>> CitationsAsync(AppDbContext db, Claim claim, CancellationToken cancellationToken)
    {
        var sourceIds = claim.Citations.Select(c => c.SourceId).ToList();
        var sources = await (
                from source in db.Sources.AsNoTracking()
                where sourceIds.Contains(source.Id)
                join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
                from publisher in publishers.DefaultIfEmpty()
                select new { Source = source, PublisherName = publisher == null ? null : publisher.Name, PublisherGrade = publisher == null ? null : publisher.Reliability })
            .ToDictionaryAsync(s => s.Source.Id, cancellationToken);

        var byId = claim.Citations.ToDictionary(c => c.Id);
        int Depth(Citation c) => c.DerivedFromId is { } parent && byId.TryGetValue(parent, out var from) ? Depth(from) + 1 : 0;

        return claim.Citations
            .Select(c => (Citation: c, Depth: Depth(c), Info: sources[c.SourceId]))
            .OrderBy(x => x.Citation.Role).ThenBy(x => x.Depth).ThenBy(x => x.Info.Source.PublishedOn?.Date)
            .Select(x => new CitationView(
                x.Citation.Id,
                x.Citation.Role,
                x.Depth,
                new EntityRef(x.Info.Source.Id, x.Info.Source.Title),
                x.Info.Source.Kind,
                x.Info.Source.Url?.OriginalString,
                x.Info.Source.PublisherId is { } publisherId ? new EntityRef(publisherId, x.Info.PublisherName!) : null,
                x.Info.Source.PublishedOn?.ToString(),
                Source.EffectiveReliability(x.Info.Source.Reliability, x.Info.PublisherGrade),
                x.Info.Source.Reliability is not null,
                x.Citation.Quote,
                x.Citation.Locator))
            .ToList();
    }

    private static async Task<IReadOnlyList<RelatedClaim>> RelatedAsync(AppDbContext db, Guid claimId, CancellationToken cancellationToken) =>
        await (
                from relation in db.Relations.AsNoTracking()
                where (relation.FromClaimId == claimId || relation.ToClaimId == claimId) && relation.State != Domain.Relations.ReviewState.Dismissed
                let otherId = relation.FromClaimId == claimId ? relation.ToClaimId : relation.FromClaimId
                join other in db.Claims on otherId equals other.Id
                join actor in db.Actors on other.AssertedById equals actor.Id
                orderby relation.Type, relation.ProposedAt
                select new RelatedClaim(
                    relation.Id, relation.Type, relation.State, relation.FromClaimId == claimId, other.Id, actor.Name, other.Summary, relation.Rationale,
                    relation.ProposedBy, relation.ReviewedBy))
            .ToListAsync(cancellationToken);
}
