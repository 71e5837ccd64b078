using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>A place a claim names, with its coordinates when known.</summary>
public sealed record PlaceFact(string Name, double? Latitude, double? Longitude);

/// <summary>A source a claim cites: its title, address, grade (the source's, else its publisher's, else F) and the
/// role it is cited in.</summary>
public sealed record SourceFact(string Title, string? Url, ReliabilityGrade Reliability, CitationRole Role);

/// <summary>What the export carries of a claim beyond the explorer's row: the values behind its readable texts, its
/// places and its sources.</summary>
public sealed record ClaimFacts(
    uint Version,
    PartialDate StatedOn,
    Guid? OnBehalfOfId,
    Quote? Quote,
    string? Measure,
    string? Unit,
    Quantity? Quantity,
    EventPeriod? EventPeriod,
    IReadOnlyList<PlaceFact> Places,
    IReadOnlyList<SourceFact> Sources
);

/// <summary>
/// One page of export rows, read in a fixed number of statements however many claims, places and sources the page
/// has: the claims' values, their places, their sources, the quote checks and the evidence files.
/// </summary>
internal static class ClaimExportFacts
{
    public static async Task<List<ClaimExportRow>> RowsAsync(
        AppDbContext db,
        List<ClaimListItem> claims,
        CancellationToken cancellationToken
    )
    {
        if (claims.Count == 0)
        {
            return [];
        }

        var ids = claims.Select(c => c.Id).ToList();
        var facts = await FactsAsync(db, ids, cancellationToken);
        var checks = await QuoteChecksAsync(db, ids, cancellationToken);
        var evidence = await EvidenceAsync(db, ids, cancellationToken);
        return claims
            .Select(c =>
                ClaimExportRow.Of(
                    c,
                    facts[c.Id],
                    checks.GetValueOrDefault(c.Id, QuoteCheckResult.NotCheckable),
                    evidence[c.Id].ToList()
                )
            )
            .ToList();
    }

    private static async Task<Dictionary<Guid, ClaimFacts>> FactsAsync(
        AppDbContext db,
        List<Guid> ids,
        CancellationToken cancellationToken
    )
    {
        var claims = await (
            from claim in db.Claims.AsNoTracking()
            where ids.Contains(claim.Id)
            join measure in db.Measures on claim.MeasureId equals measure.Id into measures
            from measure in measures.DefaultIfEmpty()
            select new
            {
                claim.Id,
                claim.Version,
                claim.StatedOn,
                claim.OnBehalfOfId,
                claim.Quote,
                Measure = measure == null ? null : measure.Name,
                Unit = measure == null ? null : measure.Unit,
                claim.Quantity,
                claim.EventPeriod,
            }
        ).ToListAsync(cancellationToken);
        var places = (
            await (
                from claim in db.Claims.AsNoTracking()
                where ids.Contains(claim.Id)
                from place in claim.Places
                orderby place.Name, place.Id
                select new { ClaimId = claim.Id, Place = new PlaceFact(place.Name, place.Latitude, place.Longitude) }
            ).ToListAsync(cancellationToken)
        ).ToLookup(p => p.ClaimId, p => p.Place);
        var sources = (
            await (
                from citation in db.Citations.AsNoTracking()
                where ids.Contains(citation.ClaimId)
                join source in db.Sources on citation.SourceId equals source.Id
                join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
                from publisher in publishers.DefaultIfEmpty()
                orderby citation.Role, source.Title, source.Id
                select new
                {
                    citation.ClaimId,
                    citation.Role,
                    source.Title,
                    source.Url,
                    source.Reliability,
                    PublisherReliability = publisher == null ? null : publisher.Reliability,
                }
            ).ToListAsync(cancellationToken)
        ).ToLookup(
            s => s.ClaimId,
            s => new SourceFact(
                s.Title,
                s.Url?.ToString(),
                Source.EffectiveReliability(s.Reliability, s.PublisherReliability),
                s.Role
            )
        );
        return claims.ToDictionary(
            c => c.Id,
            c => new ClaimFacts(
                c.Version,
                c.StatedOn,
                c.OnBehalfOfId,
                c.Quote,
                c.Measure,
                c.Unit,
                c.Quantity is { } q ? Quantity.Create(Plain(q.Min), Plain(q.Max), q.Qualifier) : null,
                c.EventPeriod,
                places[c.Id].ToList(),
                sources[c.Id].ToList()
            )
        );
    }

    /// <summary>A figure without the trailing zeros of its stored scale: 1500, not 1500.0000.</summary>
    internal static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>
    /// The quote checks: the citations whose source has a snapshot, then the newest snapshot of each of those
    /// sources once, however many of the page's claims cite it.
    /// </summary>
    private static async Task<Dictionary<Guid, QuoteCheckResult>> QuoteChecksAsync(
        AppDbContext db,
        List<Guid> ids,
        CancellationToken cancellationToken
    )
    {
        var quotes = await (
            from citation in db.Citations.AsNoTracking()
            where ids.Contains(citation.ClaimId) && db.SourceSnapshots.Any(s => s.SourceId == citation.SourceId)
            join claim in db.Claims on citation.ClaimId equals claim.Id
            select new
            {
                citation.ClaimId,
                Quote = new QuoteToCheck(
                    citation.Id,
                    citation.SourceId,
                    citation.Quote,
                    claim.Quote!.Text,
                    claim.Quote.Translation
                ),
            }
        ).ToListAsync(cancellationToken);
        var checks = await QuoteVerification.CheckAsync(db, quotes.Select(q => q.Quote).ToList(), cancellationToken);
        return quotes
            .GroupBy(q => q.ClaimId)
            .ToDictionary(g => g.Key, g => QuoteVerification.Summary(g.Select(q => checks[q.Quote.CitationId])));
    }

    /// <summary>
    /// The files held by the sources each claim cites, in one statement for the whole page: a file held by
    /// two cited sources is listed once per source; a source cited twice by one claim lists its files once.
    /// </summary>
    private static async Task<ILookup<Guid, ClaimEvidence>> EvidenceAsync(
        AppDbContext db,
        List<Guid> claimIds,
        CancellationToken cancellationToken
    )
    {
        var rows = await (
            from cited in db
                .Citations.Where(c => claimIds.Contains(c.ClaimId))
                .Select(c => new { c.ClaimId, c.SourceId })
                .Distinct()
            join attachment in db.Attachments on cited.SourceId equals attachment.SourceId
            join file in db.EvidenceFiles on attachment.FileId equals file.Id
            orderby cited.ClaimId, attachment.AddedAt, attachment.Id
            select new
            {
                cited.ClaimId,
                Evidence = new ClaimEvidence(
                    file.Sha256,
                    file.Size,
                    file.Kind,
                    file.ContentType,
                    attachment.FileName,
                    attachment.SourceId
                ),
            }
        )
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ClaimId, r => r.Evidence);
    }
}
