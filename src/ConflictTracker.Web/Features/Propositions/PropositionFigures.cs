using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>How many published claims take a stance.</summary>
public sealed record StanceTotal(Stance Stance, int Claims);

/// <summary>How many published claims give a figure on a measure.</summary>
public sealed record MeasureTotal(Guid MeasureId, int Figures);

/// <summary>
/// A proposition's figures over every published claim (docs/rules/origin-counting.md): what its page shows
/// above the lists. They are kept between reads in <c>proposition_figures</c> (see <see
/// cref="PropositionFiguresStore"/>).
/// </summary>
public sealed record PropositionFigures(
    IReadOnlyList<StanceTotal> StanceTotals,
    IReadOnlyList<StanceSupport> Support,
    int Reports,
    int OriginDocuments,
    int IndependentVoices,
    IReadOnlyList<VoiceMerge> Merged,
    IReadOnlyList<MeasureTotal> FigureTotals,
    int PeriodsTotal,
    IReadOnlyList<StanceScore> Scores
)
{
    /// <summary>
    /// Folds every published claim of the proposition, with its citations' sources and grades and the confirmed
    /// repeats among them, into the figures. Reads one narrow row per citation: at 21,000 claims, about 32,000
    /// rows (docs/performance.md).
    /// </summary>
    public static async Task<PropositionFigures> ComputeAsync(
        AppDbContext db,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var published = db.Claims.AsNoTracking().Where(c => c.PropositionId == id && c.Status == ClaimStatus.Published);
        var rows = await (
            from claim in published
            join citation in db.Citations on claim.Id equals citation.ClaimId into citations
            from citation in citations.DefaultIfEmpty()
            join source in db.Sources on citation.SourceId equals source.Id into sources
            from source in sources.DefaultIfEmpty()
            join publisher in db.Actors on source.PublisherId equals publisher.Id into publishers
            from publisher in publishers.DefaultIfEmpty()
            join speaker in db.Actors on (claim.OnBehalfOfId ?? claim.AssertedById) equals speaker.Id
            select new EvidenceRow(
                claim.Id,
                claim.Stance,
                claim.Credibility,
                claim.MeasureId,
                claim.EventPeriod != null,
                speaker.Id,
                speaker.Name,
                speaker.IsCollective,
                citation == null ? null : citation.SourceId,
                citation == null ? null : citation.Role,
                source == null ? null : source.Reliability,
                publisher == null ? null : publisher.Reliability
            )
        ).ToListAsync(cancellationToken);
        var repeats = await db
            .Relations.AsNoTracking()
            .Where(r =>
                r.State == ReviewState.Confirmed
                && r.Type == RelationType.Repeats
                && published.Any(c => c.Id == r.FromClaimId)
                && published.Any(c => c.Id == r.ToClaimId)
            )
            .Select(r => new { r.FromClaimId, r.ToClaimId })
            .ToListAsync(cancellationToken);
        return Fold(rows, repeats.Select(r => (r.FromClaimId, r.ToClaimId)).ToList());
    }

    private static PropositionFigures Fold(List<EvidenceRow> rows, List<(Guid, Guid)> repeats)
    {
        var byClaim = rows.GroupBy(r => r.ClaimId).ToList();
        // The speakers marked collective or unidentified: each of their claims is a voice of its own.
        var collective = rows.Where(r => r.SpeakerIsCollective).Select(r => r.Speaker).ToHashSet();
        var speakerNames = rows.DistinctBy(r => r.Speaker).ToDictionary(r => r.Speaker, r => r.SpeakerName);
        var evidence = byClaim.Select(g => Evidence(g, collective)).ToList();
        var originOf = IndependentOrigins.Origins(evidence, repeats);
        var voiceOf = IndependentOrigins.Voices(evidence, repeats);

        // What the voice count merged: each voice speaking in more than one origin document of a stance.
        var merged = evidence
            .Where(e => e.Voice is { } v && !collective.Contains(v) && v != e.ClaimId)
            .GroupBy(e => (e.Stance, Voice: e.Voice!.Value))
            .Select(g =>
                (
                    g.Key.Stance,
                    g.Key.Voice,
                    Claims: g.Count(),
                    Origins: g.Select(e => originOf(e.ClaimId)).Distinct().Count()
                )
            )
            .Where(m => m.Origins > 1)
            .OrderBy(m => m.Stance)
            .ThenByDescending(m => m.Origins)
            .ThenBy(m => speakerNames[m.Voice], StringComparer.Ordinal)
            .Select(m => new VoiceMerge(m.Stance, new EntityRef(m.Voice, speakerNames[m.Voice]), m.Claims, m.Origins))
            .ToList();

        return new PropositionFigures(
            evidence.GroupBy(e => e.Stance).OrderBy(g => g.Key).Select(g => new StanceTotal(g.Key, g.Count())).ToList(),
            IndependentOrigins.ByStance(evidence, repeats),
            evidence.SelectMany(e => e.SourceIds).Distinct().Count(),
            evidence.Select(e => originOf(e.ClaimId)).Distinct().Count(),
            evidence.Select(e => voiceOf(e.ClaimId)).Distinct().Count(),
            merged,
            byClaim
                .Where(g => g.First().MeasureId is not null)
                .GroupBy(g => g.First().MeasureId!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new MeasureTotal(g.Key, g.Count()))
                .ToList(),
            byClaim.Count(g => g.First().HasPeriod),
            Corroboration.ByStance(evidence, repeats)
        );
    }

    private sealed record EvidenceRow(
        Guid ClaimId,
        Stance Stance,
        Credibility? Credibility,
        Guid? MeasureId,
        bool HasPeriod,
        Guid Speaker,
        string SpeakerName,
        bool SpeakerIsCollective,
        Guid? SourceId,
        CitationRole? Role,
        ReliabilityGrade? SourceGrade,
        ReliabilityGrade? PublisherGrade
    )
    {
        public ReliabilityGrade Grade => Source.EffectiveReliability(SourceGrade, PublisherGrade);
    }

    /// <summary>
    /// What origin counting and the corroboration score read of a claim: its origin's source and
    /// that source's effective grade, or, with no origin citation, the grade among its sources that weighs most.
    /// </summary>
    private static ClaimEvidence Evidence(IGrouping<Guid, EvidenceRow> claim, HashSet<Guid> collective)
    {
        var first = claim.First();
        var cited = claim.Where(r => r.SourceId is not null).ToList();
        var origin = cited.FirstOrDefault(r => r.Role == CitationRole.Origin);
        // "Best" is the grade that weighs most: F (unknown) weighs more than E (unreliable).
        ReliabilityGrade? grade = origin is not null
            ? origin.Grade
            : cited
                .Select(r => r.Grade)
                .DefaultIfEmpty(ReliabilityGrade.F)
                .MaxBy(g => Corroboration.ReliabilityWeight(g));
        var voice = collective.Contains(first.Speaker) ? claim.Key : first.Speaker;
        return new ClaimEvidence(
            claim.Key,
            first.Stance,
            origin?.SourceId,
            cited.Select(r => r.SourceId!.Value).ToList(),
            grade,
            first.Credibility,
            voice
        );
    }
}

/// <summary>
/// Keeps each proposition's <see cref="PropositionFigures"/> between reads (docs/rules/origin-counting.md, "Kept
/// figures"). Triggers move a proposition's <c>evidence_version</c> on in the same transaction as any change its
/// figures depend on; the kept figures are used only while they were computed at that version. Otherwise they are
/// computed again in one snapshot (REPEATABLE READ) and kept, unless a change committed meanwhile: then this read
/// uses what it computed and keeps nothing, and the next read computes again.
/// </summary>
public static class PropositionFiguresStore
{
    /// <summary>
    /// The shape and rules of the kept figures. Raise it whenever <see cref="PropositionFigures"/>, its fold or the
    /// rules it applies (weights, origin counting) change: figures kept under another format are computed again.
    /// </summary>
    public const int Format = 1;

    private sealed record Kept(int Format, PropositionFigures Figures);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The figures of proposition <paramref name="id"/>, kept or computed now.</summary>
    public static async Task<PropositionFigures> GetAsync(
        IDbContextFactory<AppDbContext> contextFactory,
        Guid id,
        CancellationToken cancellationToken = default
    )
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var kept = await ReadAsync(db, id, cancellationToken);
        if (
            kept is { Figures: { } json }
            && kept.Value.FiguresVersion == kept.Value.EvidenceVersion
            && JsonSerializer.Deserialize<Kept>(json, Json) is { Format: Format } current
        )
        {
            return current.Figures;
        }

        return await ComputeAndKeepAsync(db, id, cancellationToken);
    }

    /// <summary>Computes and keeps the figures of every proposition whose kept figures are out of date (or of all,
    /// with <paramref name="all"/>): after a bulk load, so no reader pays for the first computation.</summary>
    public static async Task<int> RecomputeAsync(
        AppDbContext db,
        bool all,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var ids = await db
            .Database.SqlQueryRaw<Guid>(
                "SELECT proposition_id AS \"Value\" FROM proposition_figures "
                    + "WHERE {0} OR figures_version IS DISTINCT FROM evidence_version "
                    + "OR (figures ->> 'format')::int IS DISTINCT FROM {1} ORDER BY proposition_id",
                all,
                Format
            )
            .ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            await ComputeAndKeepAsync(db, ids[i], cancellationToken);
            progress?.Invoke(i + 1, ids.Count);
        }

        return ids.Count;
    }

    private static async Task<PropositionFigures> ComputeAndKeepAsync(
        AppDbContext db,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        // One snapshot for the version and every row the figures are made of.
        await using var transaction = await db.Database.BeginTransactionAsync(
            IsolationLevel.RepeatableRead,
            cancellationToken
        );
        var version = (await ReadAsync(db, id, cancellationToken))?.EvidenceVersion;
        var figures = await PropositionFigures.ComputeAsync(db, id, cancellationToken);
        if (version is null)
        {
            return figures;
        }

        try
        {
            // A save holding the row (its transaction still open) is not waited for beyond a moment.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '200ms'", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE proposition_figures SET figures = {0}::jsonb, figures_version = {1}, computed_at = now() "
                    + "WHERE proposition_id = {2} AND evidence_version = {1}",
                [JsonSerializer.Serialize(new Kept(Format, figures), Json), version.Value, id],
                cancellationToken
            );
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is PostgresException || e.InnerException is PostgresException)
        {
            // A change committed after the snapshot (serialization failure), a save still holding the row (lock
            // timeout), a deadlock: keep nothing. The figures computed are right for this read; the next computes.
            await transaction.RollbackAsync(CancellationToken.None);
        }

        return figures;
    }

    private static async Task<(long EvidenceVersion, long? FiguresVersion, string? Figures)?> ReadAsync(
        AppDbContext db,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var rows = await db
            .Database.SqlQueryRaw<KeptRow>(
                "SELECT evidence_version, figures_version, figures::text AS figures FROM proposition_figures "
                    + "WHERE proposition_id = {0}",
                id
            )
            .ToListAsync(cancellationToken);
        return rows is [var row] ? (row.EvidenceVersion, row.FiguresVersion, row.Figures) : null;
    }

    private sealed class KeptRow
    {
        public long EvidenceVersion { get; init; }

        public long? FiguresVersion { get; init; }

        public string? Figures { get; init; }
    }
}
