using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>
/// Finds near-identical media already held (docs/rules/evidence.md, "The same footage seen twice"), and
/// proposes <em>repeats</em> relations to reviewers when two sources hold the same footage: two accounts
/// posting one video are one origin, not two.
/// </summary>
/// <remarks>
/// The lookup is multi-index hashing: a hash is four 16-bit quarters, each with a B-tree index. Two hashes
/// within <c>d</c> bits differ in at most <c>d / 4</c> bits of at least one quarter (pigeonhole), so the
/// query asks each index for the quarter's values within that radius and counts the bits of the few rows
/// it gets back.
/// </remarks>
public sealed class FootageMatcher
{
    /// <summary>Who proposes the relations, in the review queue and the history.</summary>
    public const string Author = "footage matcher";

    public static int MaxDistance => PerceptualHash.NearDuplicateDistance;

    /// <summary>The stored files whose media is within <see cref="MaxDistance"/> bits of any of <paramref
    /// name="hashes"/>, with the smallest distance, closest first.</summary>
    public async Task<IReadOnlyList<(Guid FileId, int Distance)>> FindAsync(
        AppDbContext db,
        IReadOnlyCollection<ulong> hashes,
        CancellationToken cancellationToken
    )
    {
        var best = new Dictionary<Guid, int>();
        if (hashes.Count == 0)
        {
            return [];
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            foreach (var hash in hashes.Distinct())
            {
                await using var command = Lookup(connection, hash);
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (file, distance) = (reader.GetGuid(0), reader.GetInt32(1));
                    best[file] = Math.Min(distance, best.GetValueOrDefault(file, int.MaxValue));
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return best.OrderBy(b => b.Value).Select(b => (b.Key, b.Value)).ToList();
    }

    /// <summary>
    /// Proposes a repeats relation for each pair of published claims on one proposition where one has
    /// <paramref name="sourceId"/> as its origin or first report and the other has another source holding the same
    /// or near-identical media (a republication holding the footage says nothing about the claim's origin): the claim
    /// from the later source repeats the one from the earlier. Pairs already related as
    /// repeats are left alone. Adds to <paramref name="db"/>; the caller saves.
    /// </summary>
    /// <param name="found">The files near-identical to it (<see cref="FindAsync"/>, or the stored matches).</param>
    public async Task<int> ProposeRepeatsAsync(
        AppDbContext db,
        EvidenceFile file,
        IReadOnlyDictionary<Guid, int> found,
        Guid sourceId,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var matches = new Dictionary<Guid, int>(found) { [file.Id] = 0 };
        var others = await (
            from a in db.Attachments
            join s in db.Sources on a.SourceId equals s.Id
            where matches.Keys.Contains(a.FileId) && a.SourceId != sourceId
            select new
            {
                a.SourceId,
                a.FileId,
                a.AddedAt,
                s.Title,
                s.PublishedOn,
            }
        ).ToListAsync(cancellationToken);
        if (others.Count == 0)
        {
            return 0;
        }

        var here = await db.Sources.SingleAsync(s => s.Id == sourceId, cancellationToken);
        var sourceIds = others.Select(o => o.SourceId).Append(sourceId).ToList();
        var citing = await (
            from c in db.Citations
            join claim in db.Claims on c.ClaimId equals claim.Id
            where
                sourceIds.Contains(c.SourceId)
                && claim.Status == ClaimStatus.Published
                && c.Role != CitationRole.Republication
            select new { c.SourceId, Claim = claim }
        ).ToListAsync(cancellationToken);
        var mine = citing.Where(c => c.SourceId == sourceId).Select(c => c.Claim).DistinctBy(c => c.Id).ToList();
        if (mine.Count == 0)
        {
            return 0;
        }

        var related = await RelatedPairsAsync(db, mine.Select(c => c.Id).ToList(), cancellationToken);
        var proposed = 0;
        foreach (var other in others.DistinctBy(o => o.SourceId))
        {
            var hereIsLater = Earliest(here.PublishedOn, at) >= Earliest(other.PublishedOn, other.AddedAt);
            foreach (var theirs in citing.Where(c => c.SourceId == other.SourceId).Select(c => c.Claim))
            {
                foreach (var claim in mine.Where(c => c.PropositionId == theirs.PropositionId && c.Id != theirs.Id))
                {
                    var (later, earlier) = hereIsLater ? (claim, theirs) : (theirs, claim);
                    if (!related.Add((later.Id, earlier.Id)) || !related.Add((earlier.Id, later.Id)))
                    {
                        continue;
                    }

                    var why =
                        $"Both sources hold the same footage ({file.Kind} {file.Sha256[..12]}…, "
                        + $"{matches[other.FileId]} of 64 bits differ): \"{(hereIsLater ? here.Title : other.Title)}\" "
                        + $"repeats \"{(hereIsLater ? other.Title : here.Title)}\". Two accounts posting one video are "
                        + "one origin, not two.";
                    db.Relations.Add(ClaimRelation.Propose(later, earlier, RelationType.Repeats, why, Author, at));
                    proposed++;
                }
            }
        }

        return proposed;
    }

    private static DateTimeOffset Earliest(PartialDate? published, DateTimeOffset attached) =>
        published is null
            ? attached
            : new DateTimeOffset(published.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static async Task<HashSet<(Guid, Guid)>> RelatedPairsAsync(
        AppDbContext db,
        List<Guid> claimIds,
        CancellationToken cancellationToken
    ) =>
        (
            await db
                .Relations.Where(r =>
                    r.Type == RelationType.Repeats
                    && (claimIds.Contains(r.FromClaimId) || claimIds.Contains(r.ToClaimId))
                )
                .Select(r => new { r.FromClaimId, r.ToClaimId })
                .ToListAsync(cancellationToken)
        )
            .SelectMany(r => new[] { (r.FromClaimId, r.ToClaimId), (r.ToClaimId, r.FromClaimId) })
            .ToHashSet();

    private static NpgsqlCommand Lookup(NpgsqlConnection connection, ulong hash)
    {
        var radius = MaxDistance / 4;
        var command = new NpgsqlCommand(
            """
            SELECT file_id, min(bit_count((hash # @hash)::bit(64)))::int AS distance
            FROM media_fingerprints
            WHERE quarter0 = ANY(@q0) OR quarter1 = ANY(@q1) OR quarter2 = ANY(@q2) OR quarter3 = ANY(@q3)
            GROUP BY file_id
            HAVING min(bit_count((hash # @hash)::bit(64))) <= @max
            """,
            connection
        );
        command.Parameters.AddWithValue("hash", NpgsqlDbType.Bigint, unchecked((long)hash));
        for (var q = 0; q < 4; q++)
        {
            command.Parameters.AddWithValue(
                $"q{q}",
                NpgsqlDbType.Array | NpgsqlDbType.Integer,
                Within(MediaFingerprint.Quarter(hash, q), radius)
            );
        }

        command.Parameters.AddWithValue("max", NpgsqlDbType.Integer, MaxDistance);
        return command;
    }

    /// <summary>Every 16-bit value within <paramref name="radius"/> bits of <paramref name="value"/>.</summary>
    internal static int[] Within(int value, int radius)
    {
        var values = new List<int> { value };
        var frontier = new List<(int Value, int LowestBit)> { (value, 0) };
        for (var r = 0; r < radius; r++)
        {
            var next = new List<(int, int)>();
            foreach (var (v, lowest) in frontier)
            {
                for (var bit = lowest; bit < 16; bit++)
                {
                    var flipped = v ^ (1 << bit);
                    values.Add(flipped);
                    next.Add((flipped, bit + 1));
                }
            }

            frontier = next;
        }

        return values.ToArray();
    }
}
