using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>A source the proposition's published claims cite, as a reader outside the tool needs it.</summary>
/// <param name="Reliability">The source's grade, else its publisher's, else F (cannot be judged).</param>
/// <param name="Claims">How many of the proposition's published claims cite it.</param>
public sealed record BriefSource(
    Guid Id,
    string Title,
    Uri? Url,
    string? Publisher,
    ReliabilityGrade Reliability,
    bool Retracted,
    int Claims
);

/// <summary>
/// The proposition brief: the page's details (assessment, support, contradictions), the figures on one chart per
/// unit (measures counted in the same unit share a chart), and the sources cited.
/// </summary>
/// <param name="SourcesTotal">How many sources are cited; <paramref name="Sources"/> holds the <see
/// cref="PropositionBriefService.MaxSources"/> most cited.</param>
public sealed record PropositionBrief(
    PropositionDetails Details,
    IReadOnlyList<MeasureEstimates> EstimatesByUnit,
    IReadOnlyList<BriefSource> Sources,
    int SourcesTotal,
    DateTimeOffset At
);

/// <summary>
/// One printable page on a proposition for a reader outside the tool (README, "Proposition brief"). It reads
/// what the proposition page reads (<see cref="PropositionDetailsService"/>, with its authorisation), so both say
/// the same, and adds the cited sources.
/// </summary>
public sealed class PropositionBriefService(
    PropositionDetailsService details,
    IDbContextFactory<AppDbContext> contextFactory,
    TimeProvider time
)
{
    /// <summary>The most cited sources listed; a brief is one page.</summary>
    public const int MaxSources = 40;

    public async Task<PropositionBrief?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await details.GetAsync(id, cancellationToken) is not { } proposition)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cited = await (
            from claim in db.Claims.AsNoTracking()
            where claim.PropositionId == id && claim.Status == ClaimStatus.Published
            join citation in db.Citations on claim.Id equals citation.ClaimId
            join source in db.Sources on citation.SourceId equals source.Id
            join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
            from publisher in publishers.DefaultIfEmpty()
            group claim.Id by new
            {
                source.Id,
                source.Title,
                source.Url,
                Publisher = publisher == null ? null : publisher.Name,
                source.Reliability,
                PublisherReliability = publisher == null ? null : publisher.Reliability,
                source.Status,
            } into g
            select new { g.Key, Claims = g.Distinct().Count() }
        ).ToListAsync(cancellationToken);
        var sources = cited
            .Select(s => new BriefSource(
                s.Key.Id,
                s.Key.Title,
                s.Key.Url,
                s.Key.Publisher,
                Source.EffectiveReliability(s.Key.Reliability, s.Key.PublisherReliability),
                s.Key.Status == SourceStatus.Retracted,
                s.Claims
            ))
            .OrderByDescending(s => s.Claims)
            .ThenBy(s => s.Reliability)
            .ThenBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
        return new PropositionBrief(
            proposition,
            ByUnit(proposition.Estimates),
            sources.Take(MaxSources).ToList(),
            sources.Count,
            time.GetUtcNow()
        );
    }

    /// <summary>
    /// The measures counted in one unit on one chart: "soldiers sent" and "soldiers in combat" are both soldiers,
    /// so their figures are drawn against one axis over time. The chart is named after its measures.
    /// </summary>
    public static IReadOnlyList<MeasureEstimates> ByUnit(IReadOnlyList<MeasureEstimates> estimates) =>
        estimates
            .Where(e => e.Points.Count > 0)
            .GroupBy(e => e.Unit, StringComparer.OrdinalIgnoreCase)
            .Select(unit =>
            {
                var measures = unit.ToList();
                return new MeasureEstimates(
                    new EntityRef(measures[0].Measure.Id, string.Join(" · ", measures.Select(m => m.Measure.Name))),
                    measures[0].Unit,
                    measures.SelectMany(m => m.Points).OrderBy(p => p.Stated).ThenBy(p => p.ClaimId).ToList(),
                    measures.Sum(m => m.Total)
                );
            })
            .ToList();
}
