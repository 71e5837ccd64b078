using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Records;

/// <summary>
/// The index pages of actors, sources and places (docs/rules/search.md, "Index pages"): each record with the number
/// of published claims it is part of, searchable by name, sortable by name or by that number, in pages.
/// </summary>
public sealed class RecordIndexService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public const int PageSize = 50;
    public const int MaxTextLength = 200;

    /// <summary>Actors by name or alias, each with the published claims it made or that were made on its
    /// behalf (what the explorer's actor filter shows).</summary>
    public async Task<RecordPage> ActorsAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "list actors");
        var pattern = Pattern(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actors = db.Actors.AsNoTracking();
        if (pattern is not null)
        {
            actors = actors.Where(a =>
                EF.Functions.ILike(a.Name, pattern, "\\")
                || db.ActorAliases.Any(alias => alias.ActorId == a.Id && EF.Functions.ILike(alias.Name, pattern, "\\"))
            );
        }

        var rows = actors.Select(a => new RecordRow
        {
            Id = a.Id,
            Name = a.Name,
            Detail = a.CountryCode,
            Kind = a.Kind.ToString(),
            Claims = db.Claims.Count(c =>
                c.Status == ClaimStatus.Published && (c.AssertedById == a.Id || c.OnBehalfOfId == a.Id)
            ),
        });
        return await PageAsync(rows, query, cancellationToken);
    }

    /// <summary>Sources by title, each with the published claims citing it.</summary>
    public async Task<RecordPage> SourcesAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "list sources");
        var pattern = Pattern(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sources = db.Sources.AsNoTracking();
        if (pattern is not null)
        {
            sources = sources.Where(s => EF.Functions.ILike(s.Title, pattern, "\\"));
        }

        var rows = sources.Select(s => new RecordRow
        {
            Id = s.Id,
            Name = s.Title,
            Detail = db.Actors.Where(a => a.Id == s.PublisherId).Select(a => a.Name).FirstOrDefault(),
            Kind = s.Kind.ToString(),
            Claims = db.Claims.Count(c =>
                c.Status == ClaimStatus.Published && c.Citations.Any(citation => citation.SourceId == s.Id)
            ),
        });
        return await PageAsync(rows, query, cancellationToken);
    }

    /// <summary>Places by name, each with the published claims naming it.</summary>
    public async Task<RecordPage> PlacesAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "list places");
        var pattern = Pattern(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var places = db.Places.AsNoTracking();
        if (pattern is not null)
        {
            places = places.Where(p => EF.Functions.ILike(p.Name, pattern, "\\"));
        }

        var rows = places.Select(p => new RecordRow
        {
            Id = p.Id,
            Name = p.Name,
            Detail = p.CountryCode,
            Claims = db.Claims.Count(c => c.Status == ClaimStatus.Published && c.Places.Any(place => place.Id == p.Id)),
        });
        return await PageAsync(rows, query, cancellationToken);
    }

    /// <summary>Ordered (ties by name, then id, so the order is total) and cut to the page asked for.</summary>
    private static async Task<RecordPage> PageAsync(
        IQueryable<RecordRow> rows,
        RecordQuery query,
        CancellationToken cancellationToken
    )
    {
        var total = await rows.CountAsync(cancellationToken);
        var ordered = (query.Sort, query.Descending) switch
        {
            (RecordSort.Claims, true) => rows.OrderByDescending(r => r.Claims).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (RecordSort.Claims, false) => rows.OrderBy(r => r.Claims).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.Name).ThenByDescending(r => r.Id),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
        };
        var items = await ordered.Skip((query.Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new RecordPage(items, total, query.Page, Math.Max(1, (total + PageSize - 1) / PageSize));
    }

    /// <summary>The ILIKE pattern of the search text: the text anywhere in the name, its wildcards taken
    /// literally.</summary>
    private static string? Pattern(RecordQuery query)
    {
        var errors = new Domain.Common.ValidationErrors();
        if (query.Page < 1)
        {
            errors.Add(nameof(query.Page), "Pages are numbered from 1.");
        }

        if (query.Text is { Length: > MaxTextLength })
        {
            errors.Add(nameof(query.Text), $"Search text must be at most {MaxTextLength} characters.");
        }

        if (query.Text is { } text)
        {
            errors.Check(() => Domain.Common.Rules.CheckCharacters(text, "Search text"));
        }

        errors.ThrowIfAny();
        return string.IsNullOrWhiteSpace(query.Text)
            ? null
            : "%" + query.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
    }
}

public enum RecordSort
{
    Name,
    Claims,
}

/// <summary>What an index page asks: text in the name, the order, the page (from 1).</summary>
public sealed record RecordQuery(
    string? Text = null,
    RecordSort Sort = RecordSort.Name,
    bool Descending = false,
    int Page = 1
);

/// <summary>One record in an index: its name, a detail (country, publisher), its kind, and its published
/// claims.</summary>
public sealed record RecordRow
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string? Detail { get; init; }

    public string? Kind { get; init; }

    public int Claims { get; init; }
}

public sealed record RecordPage(IReadOnlyList<RecordRow> Items, int Total, int Page, int Pages);
