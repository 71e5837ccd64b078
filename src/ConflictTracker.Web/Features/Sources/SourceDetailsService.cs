using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Sources;

public sealed record CitingClaim(
    Guid ClaimId,
    CitationRole Role,
    string Actor,
    Stance Stance,
    string Summary,
    string? Quote,
    string? Locator
);

public sealed record SourceDetails(
    Guid Id,
    string Title,
    SourceKind Kind,
    string? Url,
    string? ArchiveUrl,
    EntityRef? Publisher,
    string? Published,
    DateOnly? Retrieved,
    string? Language,
    string? ContentHash,
    ReliabilityGrade Reliability,
    ReliabilityGrade? OwnReliability,
    ReliabilityGrade? PublisherReliability,
    SourceStatus Status,
    string? RetractionReason,
    IReadOnlyList<CitingClaim> Claims,
    uint Version
);

public sealed class SourceDetailsService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<SourceDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "read a source");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var publisher = source.PublisherId is null
            ? null
            : await db
                .Actors.AsNoTracking()
                .Where(a => a.Id == source.PublisherId)
                .Select(a => new
                {
                    a.Id,
                    a.Name,
                    a.Reliability,
                })
                .SingleAsync(cancellationToken);
        var claims = await (
            from citation in db.Citations.AsNoTracking()
            where citation.SourceId == id
            join claim in db.Claims on citation.ClaimId equals claim.Id
            join actor in db.Actors on claim.AssertedById equals actor.Id
            where claim.Status != ClaimStatus.Retracted
            orderby citation.Role, claim.StatedOn.Date descending
            select new CitingClaim(
                claim.Id,
                citation.Role,
                actor.Name,
                claim.Stance,
                claim.Summary,
                citation.Quote,
                citation.Locator
            )
        ).ToListAsync(cancellationToken);

        return new SourceDetails(
            source.Id,
            source.Title,
            source.Kind,
            source.Url?.OriginalString,
            source.ArchiveUrl?.OriginalString,
            publisher is null ? null : new EntityRef(publisher.Id, publisher.Name),
            source.PublishedOn?.ToString(),
            source.RetrievedOn,
            source.Language,
            source.ContentHash,
            Source.EffectiveReliability(source.Reliability, publisher?.Reliability),
            source.Reliability,
            publisher?.Reliability,
            source.Status,
            source.RetractionReason,
            claims,
            source.Version
        );
    }
}
