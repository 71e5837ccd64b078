using System.Buffers.Text;
using System.Text;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>A citation whose words are not in the newest stored text of its source.</summary>
public sealed record UnverifiedQuote(
    Guid CitationId,
    Guid ClaimId,
    string ClaimSummary,
    EntityRef Actor,
    EntityRef Source,
    CitationRole Role,
    QuotedWords Words,
    string Quote,
    SnapshotRef Snapshot
);

/// <summary>
/// One stretch of the unverified quotes: the quotes not found among the next <see cref="Checked"/>
/// checkable citations. <see cref="NextCursor"/> continues where this stretch stopped (null at the end).
/// </summary>
public sealed record UnverifiedQuotePage(IReadOnlyList<UnverifiedQuote> Items, int Checked, string? NextCursor);

/// <summary>
/// The review queue's unverified quotes (docs/rules/quote-verification.md). Nothing is stored: each
/// request reads the next citations whose source has a snapshot and whose claim is not retracted, in a
/// fixed order (by source, then citation), checks them with the same rule as the claim page, and lists
/// the ones not found. A request checks at most <see cref="CheckLimit"/> citations and lists at most
/// <see cref="PageSize"/>, so its cost does not grow with the database; the cursor takes the next stretch.
/// </summary>
public sealed class UnverifiedQuoteService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    /// <summary>The most unverified quotes one request lists.</summary>
    public const int PageSize = 50;

    /// <summary>The most citations one request checks.</summary>
    public const int CheckLimit = 500;

    /// <summary>Citations read and checked together: their sources' snapshots are read once per batch.</summary>
    private const int Batch = 100;

    public async Task<UnverifiedQuotePage> ListAsync(string? cursor, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Propose, "list unverified quotes");
        var position = string.IsNullOrEmpty(cursor) ? (Position?)null : Position.Decode(cursor);
        var items = new List<UnverifiedQuote>();
        var checkedCount = 0;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var wanted = Math.Min(Batch, CheckLimit - checkedCount);
            var rows = await NextAsync(db, position, wanted, cancellationToken);
            var checks = await QuoteVerification.CheckAsync(db, rows.Select(r => r.Quote).ToList(), cancellationToken);
            foreach (var row in rows)
            {
                checkedCount++;
                position = new Position(row.Quote.SourceId, row.Quote.CitationId);
                var check = checks[row.Quote.CitationId];
                if (check.Result != QuoteCheckResult.NotFound)
                {
                    continue;
                }

                items.Add(
                    new UnverifiedQuote(
                        row.Quote.CitationId,
                        row.ClaimId,
                        row.Summary,
                        new EntityRef(row.ActorId, row.Actor),
                        new EntityRef(row.Quote.SourceId, row.Source),
                        row.Role,
                        check.Words!.Value,
                        row.Quote.Text!,
                        check.Snapshot!
                    )
                );
                if (items.Count == PageSize)
                {
                    return new UnverifiedQuotePage(items, checkedCount, position.Value.Encode());
                }
            }

            if (rows.Count < wanted)
            {
                return new UnverifiedQuotePage(items, checkedCount, null);
            }

            if (checkedCount == CheckLimit)
            {
                return new UnverifiedQuotePage(items, checkedCount, position!.Value.Encode());
            }
        }
    }

    private sealed record Row(
        QuoteToCheck Quote,
        Guid ClaimId,
        string Summary,
        Guid ActorId,
        string Actor,
        string Source,
        CitationRole Role
    );

    /// <summary>The next checkable citations after <paramref name="after"/>: with words to check, a source with a
    /// snapshot, a claim not retracted.</summary>
    private static async Task<List<Row>> NextAsync(
        AppDbContext db,
        Position? after,
        int count,
        CancellationToken cancellationToken
    )
    {
        var citations = db.Citations.AsNoTracking().Where(c => db.SourceSnapshots.Any(s => s.SourceId == c.SourceId));
        if (after is { } at)
        {
            citations = citations.Where(c =>
                EF.Functions.GreaterThan(
                    ValueTuple.Create(c.SourceId, c.Id),
                    ValueTuple.Create(at.SourceId, at.CitationId)
                )
            );
        }

        return await (
            from citation in citations
            join claim in db.Claims on citation.ClaimId equals claim.Id
            where claim.Status != ClaimStatus.Retracted && (citation.Quote != null || claim.Quote!.Text != null)
            join actor in db.Actors on claim.AssertedById equals actor.Id
            join source in db.Sources on citation.SourceId equals source.Id
            orderby citation.SourceId, citation.Id
            select new Row(
                new QuoteToCheck(
                    citation.Id,
                    citation.SourceId,
                    citation.Quote,
                    claim.Quote!.Text,
                    claim.Quote.Translation
                ),
                claim.Id,
                claim.Summary,
                actor.Id,
                actor.Name,
                source.Title,
                citation.Role
            )
        )
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Where a stretch stopped: the last citation checked, in the order (source, citation). Opaque to users
    /// (base64url).</summary>
    private readonly record struct Position(Guid SourceId, Guid CitationId)
    {
        public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{SourceId:N}.{CitationId:N}"));

        public static Position Decode(string value)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('.');
                if (
                    parts.Length == 2
                    && Guid.TryParseExact(parts[0], "N", out var source)
                    && Guid.TryParseExact(parts[1], "N", out var citation)
                )
                {
                    return new Position(source, citation);
                }
            }
            catch (FormatException) { }

            throw new DomainValidationException(
                "cursor",
                "The position in this link is not valid; start again from the first quotes."
            );
        }
    }
}
