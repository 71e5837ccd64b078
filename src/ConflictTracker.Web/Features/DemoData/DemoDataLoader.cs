using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.DemoData;

/// <summary>
/// Loads the demo data (the claims of the seed article) through the domain's own factories, so every
/// rule an editor's input must pass, the demo data passes too. Idempotent: records whose id is already
/// stored are left as they are, so a second load adds nothing.
/// </summary>
public sealed partial class DemoDataLoader(
    IDbContextFactory<AppDbContext> contextFactory,
    TimeProvider clock,
    ILogger<DemoDataLoader> logger
)
{
    /// <summary>Whom the change history names for demo records.</summary>
    public const string Author = "demo data";

    // Any fixed number: serialises concurrent loads (two terminals running scripts/run.sh at once).
    private const long AdvisoryLockKey = 0x436F6E666C696374;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "demo-data.json");

    public async Task<DemoDataResult> LoadAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        path ??= DefaultPath;
        var file = await DemoDataFile.ReadAsync(path, cancellationToken);
        var graph = DemoGraph.Build(file, clock.GetUtcNow());

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangedBy = Author;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        // Principals before dependants, so that every navigation points at something already tracked.
        var result = new DemoDataResult(
            Actors: await TrackAsync(db, graph.Actors, cancellationToken),
            Affiliations: await TrackAsync(db, graph.Affiliations, cancellationToken),
            Places: await TrackAsync(db, graph.Places, cancellationToken),
            Propositions: await TrackAsync(db, graph.Propositions, cancellationToken),
            Sources: await TrackAsync(db, graph.Sources, cancellationToken),
            Claims: 0,
            Citations: 0
        );
        await TrackAsync(db, graph.Actors.SelectMany(a => a.Aliases).ToList(), cancellationToken);
        await TrackAsync(db, graph.Propositions.SelectMany(p => p.Measures).ToList(), cancellationToken);
        result = result with
        {
            Claims = await TrackAsync(db, graph.Claims, cancellationToken),
            Citations = await TrackAsync(db, graph.Claims.SelectMany(c => c.Citations).ToList(), cancellationToken),
        };

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogLoaded(result.Total, path, result);
        return result;
    }

    /// <summary>Tracks each record as Added when its id is not stored yet, Unchanged when it is; returns how many are
    /// new.</summary>
    private static async Task<int> TrackAsync<T>(
        AppDbContext db,
        IReadOnlyList<T> records,
        CancellationToken cancellationToken
    )
        where T : Entity
    {
        var ids = records.Select(r => r.Id).ToList();
        var stored = (
            await db.Set<T>().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken)
        ).ToHashSet();
        foreach (var record in records)
        {
            db.Entry(record).State = stored.Contains(record.Id) ? EntityState.Unchanged : EntityState.Added;
        }

        return records.Count(r => !stored.Contains(r.Id));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} new demo records from {File}: {Result}")]
    private partial void LogLoaded(int count, string file, DemoDataResult result);
}
