using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Lookups;

public enum RecordKind
{
    Actor,
    Source,
    Proposition,
}

/// <summary>A record to pick in a filter: its id and the name people know it by.</summary>
public sealed record LookupItem(Guid Id, string Name)
{
    public override string ToString() => Name;
}

/// <summary>
/// Finds actors, propositions and places by name for pickers, by trigram similarity or substring
/// (so "Budanow" and "Буданов" find Kyrylo Budanov), at most <see cref="Limit"/> at a time.
/// </summary>
public sealed class LookupService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public const int Limit = 20;

    public async Task<IReadOnlyList<LookupItem>> ActorsAsync(
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up actors");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actors = db.Actors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var pattern = $"%{Escape(t)}%";
            actors = actors.Where(a =>
                EF.Functions.ILike(a.Name, pattern)
                || EF.Functions.TrigramsAreWordSimilar(t, a.Name)
                || db.ActorAliases.Any(alias =>
                    alias.ActorId == a.Id
                    && (EF.Functions.ILike(alias.Name, pattern) || EF.Functions.TrigramsAreWordSimilar(t, alias.Name))
                )
            );
        }

        return await actors
            .OrderBy(a => a.Name)
            .Take(Limit)
            .Select(a => new LookupItem(a.Id, a.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LookupItem>> PropositionsAsync(
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up propositions");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var propositions = db.Propositions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Escape(text.Trim())}%";
            propositions = propositions.Where(p => EF.Functions.ILike(p.Statement, pattern));
        }

        return await propositions
            .OrderBy(p => p.Statement)
            .Take(Limit)
            .Select(p => new LookupItem(p.Id, p.Statement))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Other claims to relate a claim to: those on the same proposition first, matching the speaker's name or
    /// the wording.</summary>
    public async Task<IReadOnlyList<LookupItem>> ClaimsAsync(
        Guid except,
        Guid propositionId,
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up claims");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claims =
            from claim in db.Claims.AsNoTracking()
            where claim.Id != except && claim.Status != Domain.Claims.ClaimStatus.Retracted
            join actor in db.Actors on claim.AssertedById equals actor.Id
            select new { claim, actor.Name };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Escape(text.Trim())}%";
            claims = claims.Where(c =>
                EF.Functions.ILike(c.claim.Summary, pattern) || EF.Functions.ILike(c.Name, pattern)
            );
        }
        else
        {
            claims = claims.Where(c => c.claim.PropositionId == propositionId);
        }

        return await claims
            .OrderByDescending(c => c.claim.PropositionId == propositionId)
            .ThenByDescending(c => c.claim.StatedOn.Date)
            .ThenBy(c => c.claim.Id)
            .Take(Limit)
            .Select(c => new LookupItem(c.claim.Id, c.Name + ": " + c.claim.Summary))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The current version (the API's ETag) of an actor, source or proposition; null when there is
    /// none.</summary>
    public async Task<uint?> VersionAsync(RecordKind kind, Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "look up versions");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return kind switch
        {
            RecordKind.Actor => await db
                .Actors.Where(a => a.Id == id)
                .Select(a => (uint?)a.Version)
                .SingleOrDefaultAsync(cancellationToken),
            RecordKind.Source => await db
                .Sources.Where(s => s.Id == id)
                .Select(s => (uint?)s.Version)
                .SingleOrDefaultAsync(cancellationToken),
            RecordKind.Proposition => await db
                .Propositions.Where(p => p.Id == id)
                .Select(p => (uint?)p.Version)
                .SingleOrDefaultAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public async Task<IReadOnlyList<LookupItem>> PlacesAsync(
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up places");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var places = db.Places.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var pattern = $"%{Escape(t)}%";
            places = places.Where(p =>
                EF.Functions.ILike(p.Name, pattern) || EF.Functions.TrigramsAreWordSimilar(t, p.Name)
            );
        }

        return await places
            .OrderBy(p => p.Name)
            .Take(Limit)
            .Select(p => new LookupItem(p.Id, p.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LookupItem>> SourcesAsync(
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up sources");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sources = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var pattern = $"%{Escape(t)}%";
            sources = sources.Where(s => EF.Functions.ILike(s.Title, pattern));
        }

        return await sources
            .OrderBy(s => s.Title)
            .Take(Limit)
            .Select(s => new LookupItem(s.Id, s.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The measures a figure on <paramref name="propositionId"/> can count, with their units.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Unit)>> MeasuresAsync(
        Guid propositionId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up measures");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db
            .Measures.AsNoTracking()
            .Where(m => m.PropositionId == propositionId)
            .OrderBy(m => m.Name)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.Unit,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(m => (m.Id, m.Name, m.Unit)).ToList();
    }

    /// <summary>A claim's workflow status; null when there is no such claim.</summary>
    public async Task<Domain.Claims.ClaimStatus?> StatusAsync(
        Guid claimId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up claims");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Claims.AsNoTracking()
            .Where(c => c.Id == claimId)
            .Select(c => (Domain.Claims.ClaimStatus?)c.Status)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The countries of actors who assert claims, for the country filter.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "look up countries");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Actors.AsNoTracking()
            .Where(a => a.CountryCode != null && db.Claims.Any(c => c.AssertedById == a.Id))
            .Select(a => a.CountryCode!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Names for ids a link already carries, so a shared view shows "Kyrylo Budanov", not a GUID.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "look up names");
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = ids.ToList();
        var names = await db
            .Actors.Where(a => list.Contains(a.Id))
            .Select(a => new { a.Id, Name = a.Name })
            .Concat(db.Propositions.Where(p => list.Contains(p.Id)).Select(p => new { p.Id, Name = p.Statement }))
            .Concat(db.Places.Where(p => list.Contains(p.Id)).Select(p => new { p.Id, Name = p.Name }))
            .Concat(db.Sources.Where(s => list.Contains(s.Id)).Select(s => new { s.Id, Name = s.Title }))
            .ToListAsync(cancellationToken);
        return names.ToDictionary(n => n.Id, n => n.Name);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
