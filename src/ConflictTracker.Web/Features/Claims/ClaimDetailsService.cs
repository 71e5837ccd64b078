using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>Reads one claim with its chain of sources (each quote checked against the source's stored text), related
/// claims, open flags and the speaker's role at the time.</summary>
public sealed class ClaimDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<ClaimDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a claim");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One statement, one round trip: the claim with the names it refers to, its places, its citations
        // with their sources and the newest snapshot of each, the speaker's roles, its relations and open flags. The
        // collections are
        // small (a few each), so joining them costs less than a round trip per collection.
        var found = await (
            from claim in db.Claims.AsNoTracking()
            where claim.Id == id
            join actor in db.Actors on claim.AssertedById equals actor.Id
            join proposition in db.Propositions on claim.PropositionId equals proposition.Id
            select new
            {
                Claim = claim,
                Actor = actor.Name,
                OnBehalfOf = db.Actors.Where(a => a.Id == claim.OnBehalfOfId).Select(a => a.Name).FirstOrDefault(),
                Proposition = proposition.Statement,
                Measure = db
                    .Measures.Where(m => m.Id == claim.MeasureId)
                    .Select(m => new { m.Name, m.Unit })
                    .FirstOrDefault(),
                Places = claim.Places.Select(p => new EntityRef(p.Id, p.Name)).ToList(),
                // With the newest snapshot of each source, as QuoteVerification.NewestSnapshots reads it: a claim
                // cites each source once, so no text is read twice.
                Sources = (
                    from citation in db.Citations
                    where citation.ClaimId == claim.Id
                    join source in db.Sources on citation.SourceId equals source.Id
                    join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
                    from publisher in publishers.DefaultIfEmpty()
                    let newest = db
                        .SourceSnapshots.Where(s => s.SourceId == source.Id)
                        .OrderByDescending(s => s.CapturedAt)
                        .ThenByDescending(s => s.Id)
                        .FirstOrDefault()
                    select new CitedSource(
                        citation,
                        source,
                        publisher == null ? null : publisher.Name,
                        publisher == null ? null : publisher.Reliability,
                        newest == null
                            ? null
                            : new StoredText(newest.Id, newest.SourceId, newest.Sha256, newest.CapturedAt, newest.Text)
                    )
                ).ToList(),
                Roles = (
                    from affiliation in db.Affiliations
                    where affiliation.MemberId == claim.AssertedById
                    join organisation in db.Actors on affiliation.OrganisationId equals organisation.Id
                    select new HeldRole(affiliation, organisation.Name)
                ).ToList(),
                Related = (
                    from relation in db.Relations
                    where
                        (relation.FromClaimId == claim.Id || relation.ToClaimId == claim.Id)
                        && relation.State != Domain.Relations.ReviewState.Dismissed
                    let otherId = relation.FromClaimId == claim.Id ? relation.ToClaimId : relation.FromClaimId
                    join other in db.Claims on otherId equals other.Id
                    join otherActor in db.Actors on other.AssertedById equals otherActor.Id
                    orderby relation.Type, relation.ProposedAt
                    select new RelatedClaim(
                        relation.Id,
                        relation.Type,
                        relation.State,
                        relation.FromClaimId == claim.Id,
                        other.Id,
                        otherActor.Name,
                        other.Summary,
                        relation.Rationale,
                        relation.ProposedBy,
                        relation.ReviewedBy
                    )
                ).ToList(),
                Flags = db
                    .Flags.Where(f => f.ClaimId == claim.Id && f.Status == FlagStatus.Open)
                    .Select(f => new FlagView(f.Id, f.Kind, f.Comment, f.RaisedBy, f.RaisedAt, f.ClaimId))
                    .ToList(),
            }
        )
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var c = found.Claim;
        return new ClaimDetails(
            c.Id,
            c.Summary,
            c.Stance,
            c.Status,
            c.RetractionReason,
            c.Credibility,
            c.CredibilityNote,
            c.StatedOn.ToString(),
            c.EventPeriod?.ToString(),
            c.Quote is { } q ? new QuoteView(q.Text, q.Language, q.Translation, q.TranslationLanguage) : null,
            c.Quantity is { } quantity && found.Measure is { } measure
                ? new QuantityView(
                    quantity.ToString(measure.Unit),
                    quantity.ImpliedInterval.ToString() + " " + measure.Unit,
                    measure.Name
                )
                : null,
            new EntityRef(c.AssertedById, found.Actor),
            Role(c, found.Roles),
            c.OnBehalfOfId is { } behalf ? new EntityRef(behalf, found.OnBehalfOf!) : null,
            new EntityRef(c.PropositionId, found.Proposition),
            found.Places.OrderBy(p => p.Name).ToList(),
            Citations(found.Sources, c.Quote),
            found.Related,
            found.Flags.OrderBy(f => f.RaisedAt).ToList(),
            c.RecordedAt,
            c.Version
        );
    }

    private sealed record CitedSource(
        Citation Citation,
        Source Source,
        string? PublisherName,
        ReliabilityGrade? PublisherGrade,
        StoredText? Snapshot
    );

    private sealed record HeldRole(Domain.Actors.Affiliation Affiliation, string Organisation);

    /// <summary>The role the speaker held when they spoke, preferring one in the body they spoke for.</summary>
    private static string? Role(Claim claim, IEnumerable<HeldRole> roles) =>
        roles
            .Where(r => r.Affiliation.IsHeldDuring(claim.StatedOn.Earliest, claim.StatedOn.Latest))
            .OrderByDescending(r => r.Affiliation.OrganisationId == claim.OnBehalfOfId)
            .ThenByDescending(r => r.Affiliation.SpeaksFor)
            .Select(r => $"{r.Affiliation.Role}, {r.Organisation}")
            .FirstOrDefault();

    private static List<CitationView> Citations(List<CitedSource> cited, Quote? claimQuote)
    {
        var byId = cited.ToDictionary(c => c.Citation.Id, c => c.Citation);
        int Depth(Citation c) =>
            c.DerivedFromId is { } parent && byId.TryGetValue(parent, out var from) ? Depth(from) + 1 : 0;

        return cited
            .Select(x => (x.Citation, Depth: Depth(x.Citation), Info: x))
            .OrderBy(x => x.Citation.Role)
            .ThenBy(x => x.Depth)
            .ThenBy(x => x.Info.Source.PublishedOn?.Date)
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
                x.Citation.Locator,
                QuoteVerification.Check(
                    new QuoteToCheck(
                        x.Citation.Id,
                        x.Citation.SourceId,
                        x.Citation.Quote,
                        claimQuote?.Text,
                        claimQuote?.Translation
                    ),
                    x.Info.Snapshot
                )
            ))
            .ToList();
    }
}
