using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// Writes a filtered claim set as CSV, XLSX, JSON or schema.org ClaimReview JSON-LD straight to the
/// response, a page at a time (<see cref="ClaimSearchService.StreamAsync"/>): memory does not grow
/// with the number of claims.
/// </summary>
public sealed class ClaimExport(
    ClaimSearchService search,
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task WriteCsvAsync(ClaimQuery query, Stream output, CancellationToken cancellationToken)
    {
        // CsvHelper writes synchronously; it writes into a buffer that goes out asynchronously a page at a time.
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = SpreadsheetCsv.CreateWriter(buffer, leaveOpen: true);
        async Task SendAsync()
        {
            await csv.FlushAsync();
            await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(buffer.ToString()), cancellationToken);
            await output.FlushAsync(cancellationToken);
            buffer.GetStringBuilder().Clear();
        }

        csv.WriteHeader<ClaimExportRow>();
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var row in RowsAsync(query, cancellationToken))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
            if (++written % ClaimQuery.MaxPageSize == 0)
            {
                await SendAsync();
            }
        }

        await SendAsync();
    }

    /// <summary>The same rows as an XLSX workbook with typed cells (<see cref="ClaimXlsx"/>).</summary>
    public Task WriteXlsxAsync(ClaimQuery query, Stream output, CancellationToken cancellationToken) =>
        ClaimXlsx.WriteAsync(RowsAsync(query, cancellationToken), output, cancellationToken);

    public async Task WriteJsonAsync(ClaimQuery query, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        var written = 0;
        await foreach (var row in RowsAsync(query, cancellationToken))
        {
            // Serialising into the writer would flush it synchronously; raw bytes are only buffered.
            json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(row, Json), skipInputValidation: true);
            if (++written % ClaimQuery.MaxPageSize == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The rows of the matching claims, a page at a time, each page's quotes checked together.</summary>
    internal async IAsyncEnumerable<ClaimExportRow> RowsAsync(
        ClaimQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var page = new List<ClaimListItem>(ClaimQuery.MaxPageSize);
        await foreach (var claim in search.StreamAsync(query, cancellationToken))
        {
            page.Add(claim);
            if (page.Count == ClaimQuery.MaxPageSize)
            {
                foreach (var row in await RowsAsync(page, cancellationToken))
                {
                    yield return row;
                }

                page.Clear();
            }
        }

        foreach (var row in await RowsAsync(page, cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>One page of rows (<see cref="ClaimExportFacts"/>).</summary>
    private async Task<List<ClaimExportRow>> RowsAsync(List<ClaimListItem> claims, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ClaimExportFacts.RowsAsync(db, claims, cancellationToken);
    }

    /// <summary>
    /// Claims a reviewer rated, as schema.org <c>ClaimReview</c> items in one JSON-LD <c>@graph</c>
    /// (docs/import-export.md, "ClaimReview"): the claim, who made it and where it appeared, and the
    /// rating on the Admiralty credibility scale (1 best, 5 worst; 6, "cannot be judged", has no value).
    /// </summary>
    public async Task WriteClaimReviewsAsync(
        ClaimQuery query,
        Uri site,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Read, "export claim reviews");
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");
        var batch = new List<ClaimListItem>(ClaimQuery.MaxPageSize);
        await foreach (
            var claim in search.StreamAsync(
                query with
                {
                    MinCredibility = query.MinCredibility ?? Credibility.CannotBeJudged,
                },
                cancellationToken
            )
        )
        {
            batch.Add(claim);
            if (batch.Count == ClaimQuery.MaxPageSize)
            {
                await WriteReviewsAsync(json, batch, site, cancellationToken);
                batch.Clear();
            }
        }

        await WriteReviewsAsync(json, batch, site, cancellationToken);
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private async Task WriteReviewsAsync(
        Utf8JsonWriter json,
        List<ClaimListItem> claims,
        Uri site,
        CancellationToken cancellationToken
    )
    {
        if (claims.Count == 0)
        {
            return;
        }

        var ids = claims.Select(c => c.Id).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var facts = await db
            .Claims.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Credibility,
                c.CredibilityNote,
                Kind = db.Actors.Where(a => a.Id == c.AssertedById).Select(a => a.Kind).First(),
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var appearances = (
            await (
                from citation in db.Citations.AsNoTracking()
                where ids.Contains(citation.ClaimId) && citation.Role != CitationRole.Republication
                join source in db.Sources on citation.SourceId equals source.Id
                where source.Url != null
                select new
                {
                    citation.ClaimId,
                    source.Url,
                    source.Title,
                }
            ).ToListAsync(cancellationToken)
        ).ToLookup(a => a.ClaimId);
        var reviewed = await db
            .ChangeHistory.AsNoTracking()
            .Where(h =>
                ids.Contains(h.EntityId)
                && h.EntityType == nameof(Claim)
                && EF.Functions.JsonExists(h.Changes, "Credibility")
            )
            .GroupBy(h => h.EntityId)
            .Select(g => new { Id = g.Key, At = g.Max(h => h.ChangedAt) })
            .ToDictionaryAsync(g => g.Id, g => g.At, cancellationToken);

        foreach (var claim in claims)
        {
            var fact = facts[claim.Id];
            json.WriteStartObject();
            json.WriteString("@type", "ClaimReview");
            json.WriteString("url", new Uri(site, $"claims/{claim.Id}").ToString());
            json.WriteString("claimReviewed", claim.Summary);
            if (reviewed.TryGetValue(claim.Id, out var at))
            {
                json.WriteString("datePublished", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", "ConflictTracker");
            json.WriteEndObject();

            json.WriteStartObject("itemReviewed");
            json.WriteString("@type", "Claim");
            json.WriteString("datePublished", claim.StatedOnDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("author");
            json.WriteString("@type", fact.Kind == Domain.Actors.ActorKind.Person ? "Person" : "Organization");
            json.WriteString("name", claim.Actor);
            json.WriteEndObject();
            json.WriteStartArray("appearance");
            foreach (var appearance in appearances[claim.Id])
            {
                json.WriteStartObject();
                json.WriteString("@type", "CreativeWork");
                json.WriteString("url", appearance.Url!.ToString());
                json.WriteString("name", appearance.Title);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("reviewRating");
            json.WriteString("@type", "Rating");
            var credibility = fact.Credibility!.Value;
            if (credibility != Credibility.CannotBeJudged)
            {
                json.WriteNumber("ratingValue", (int)credibility);
            }

            json.WriteNumber("bestRating", 1);
            json.WriteNumber("worstRating", 5);
            json.WriteString("alternateName", Reliability.Describe(credibility));
            if (fact.CredibilityNote is not null)
            {
                json.WriteString("ratingExplanation", fact.CredibilityNote);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await json.FlushAsync(cancellationToken);
    }
}
