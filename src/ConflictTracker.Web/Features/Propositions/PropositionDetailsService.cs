using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>One claimed figure on a measure, with the interval it implies, placed at its statement date.</summary>
public sealed record EstimatePoint(Guid ClaimId, EntityRef Actor, DateOnly Stated, string StatedOn, decimal Min, decimal Max, decimal Low, decimal? High, string AsStated);

public sealed record MeasureEstimates(EntityRef Measure, string Unit, IReadOnlyList<EstimatePoint> Points);

/// <summary>A claim's event period against the date it was stated.</summary>
public sealed record PeriodRow(Guid ClaimId, string Actor, DateOnly StatedFirst, DateOnly StatedLast, DateOnly EventFirst, DateOnly EventLast, string StatedOn, string EventPeriod);

public sealed record StanceGroup(Stance Stance, IReadOnlyList<ClaimListItem> Claims);

/// <summary>A confirmed contradicts (or supersedes) relation between two of the proposition's claims.</summary>
public sealed record ConfirmedConflict(Guid RelationId, RelationType Type, EntityRef Claim, string ClaimActor, EntityRef Other, string OtherActor, string ReviewedBy);

public sealed record PropositionDetails(
    Guid Id, string Statement, string? Description, Assessment Assessment, string? AssessmentRationale,
    IReadOnlyList<StanceGroup> ByStance, IReadOnlyList<StanceSupport> Support, int Reports, int IndependentOrigins,
    IReadOnlyList<MeasureEstimates> Estimates, IReadOnlyList<PeriodRow> Periods,
    IReadOnlyList<StanceScore> Scores, IReadOnlyList<ConfirmedConflict> Conflicts, int OpenCandidates, uint Version);

public sealed class PropositionDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<PropositionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a proposition");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var proposition = await db.Propositions.AsNoTracking().Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposition is null)
        {
            return null;
        }

        var published = db.Claims.AsNoTracking().Where(c => c.PropositionId == id && c.Status == ClaimStatus.Published);
        var claims = await published.Include(c => c.Citations).ToListAsync(cancellationToken);
        var items = (await ClaimSearchService.Project(db, published.OrderByDescending(c => c.StatedOn.Date).ThenByDescending(c => c.Id)).ToListAsync(cancellationToken))
            .Select(r => r.ToItem()).ToList();
        var actorNames = items.ToDictionary(i => i.Id, i => new EntityRef(i.ActorId, i.Actor));

        var grades = await GradesAsync(db, claims.SelectMany(c => c.Citations.Select(ci => ci.SourceId)).Distinct().ToList(), cancellationToken);
        var evidence = claims.Select(c => Evidence(c, grades)).ToList();

        // A confirmed "repeats" relation says one claim only repeats the other: they share an origin.
        var claimIds = claims.Select(c => c.Id).ToList();
        var repeats = (await db.Relations.AsNoTracking()
                .Where(r => r.Type == RelationType.Repeats && r.State == ReviewState.Confirmed && claimIds.Contains(r.FromClaimId) && claimIds.Contains(r.ToClaimId))
                .Select(r => new { r.FromClaimId, r.ToClaimId }).ToListAsync(cancellationToken))
            .Select(r => (r.FromClaimId, r.ToClaimId)).ToList();
        var originOf = IndependentOrigins.Origins(evidence, repeats);

        var estimates = proposition.Measures.OrderBy(m => m.Name).Select(m => new MeasureEstimates(
                new EntityRef(m.Id, m.Name),
                m.Unit,
                claims.Where(c => c.MeasureId == m.Id && c.Quantity is not null)
                    .OrderBy(c => c.StatedOn.Date)
                    .Select(c => new EstimatePoint(
                        c.Id, actorNames[c.Id], c.StatedOn.Earliest, c.StatedOn.ToString(), c.Quantity!.Min, c.Quantity.Max,
                        c.Quantity.ImpliedInterval.Low, c.Quantity.ImpliedInterval.High, c.Quantity.ToString(m.Unit)))
                    .ToList()))
            .ToList();

        var periods = claims.Where(c => c.EventPeriod is not null).OrderBy(c => c.EventPeriod!.Start.Earliest)
            .Select(c => new PeriodRow(c.Id, actorNames[c.Id].Name, c.StatedOn.Earliest, c.StatedOn.Latest, c.EventPeriod!.Start.Earliest, c.EventPeriod.End.Latest, c.StatedOn.ToString(), c.EventPeriod.ToString()))
            .ToList();

        var conflicts = await (
                from relation in db.Relations.AsNoTracking()
                where relation.State == ReviewState.Confirmed && (relation.Type == RelationType.Contradicts || relation.Type == RelationType.Supersedes)
                      && claimIds.Contains(relation.FromClaimId) && claimIds.Contains(relation.ToClaimId)
                orderby relation.ReviewedAt
                select new { relation.Id, relation.Type, relation.FromClaimId, relation.ToClaimId, relation.ReviewedBy })
            .ToListAsync(cancellationToken);
        var summaries = claims.ToDictionary(c => c.Id, c => c.Summary);
        var openCandidates = await db.Candidates.CountAsync(c => c.PropositionId == id && c.State == CandidateState.Open, cancellationToken);

        return new PropositionDetails(
            proposition.Id, proposition.Statement, proposition.Description, proposition.Assessment, proposition.AssessmentRationale,
            items.GroupBy(i => i.Stance).OrderBy(g => g.Key).Select(g => new StanceGroup(g.Key, g.ToList())).ToList(),
            IndependentOrigins.ByStance(evidence, repeats),
            evidence.SelectMany(e => e.SourceIds).Distinct().Count(),
            evidence.Select(e => originOf(e.ClaimId)).Distinct().Count(),
            estimates,
            periods,
            Corroboration.ByStance(evidence, repeats),
            conflicts.Select(r => new ConfirmedConflict(
                r.Id, r.Type, new EntityRef(r.FromClaimId, summaries[r.FromClaimId]), actorNames[r.FromClaimId].Name,
                new EntityRef(r.ToClaimId, summaries[r.ToClaimId]), actorNames[r.ToClaimId].Name, r.ReviewedBy!)).ToList(),
            openCandidates,
            proposition.Version);
    }

    /// <summary>
    /// What origin counting and the corroboration score read of a claim: its origin's source and
    /// that source's effective grade, or, with no origin citation, the grade among its sources that weighs most.
    /// </summary>
    private static ClaimEvidence Evidence(Claim claim, Dictionary<Guid, ReliabilityGrade> grades)
    {
        var origin = claim.Citations.FirstOrDefault(ci => ci.Role == CitationRole.Origin)?.SourceId;
        // "Best" is the grade that weighs most: F (unknown) weighs more than E (unreliable).
        ReliabilityGrade? grade = origin is { } o
            ? grades[o]
            : claim.Citations.Select(ci => grades[ci.SourceId]).DefaultIfEmpty(ReliabilityGrade.F).MaxBy(g => Corroboration.ReliabilityWeight(g));
        return new ClaimEvidence(claim.Id, claim.Stance, origin, claim.Citations.Select(ci => ci.SourceId).ToList(), grade, claim.Credibility);
    }

    private static async Task<Dictionary<Guid, ReliabilityGrade>> GradesAsync(AppDbContext db, List<Guid> sourceIds, CancellationToken cancellationToken) =>
        (await (
                from source in db.Sources.AsNoTracking()
                where sourceIds.Contains(source.Id)
                join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
                from publisher in publishers.DefaultIfEmpty()
                select new { source.Id, source.Reliability, PublisherGrade = publisher == null ? null : publisher.Reliability })
            .ToListAsync(cancellationToken))
        .ToDictionary(s => s.Id, s => Source.EffectiveReliability(s.Reliability, s.PublisherGrade));
}
