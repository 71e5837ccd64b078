using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>
/// The review queue's kept counts (docs/rules/review-queue.md, "Counts kept") against a count from the tables,
/// after every one of many random edits on the demo data: candidates opened, dismissed, lapsed, reopened,
/// re-dated and deleted, one or many at a time; relations proposed, confirmed, dismissed and deleted; flags raised
/// on claims and relations, closed and reopened; claims moved between propositions and restanced; several of these
/// in one transaction. Edits go straight to the database (SQL), as a bulk
/// load or a hand fix would: the triggers must see every path.
/// </summary>
public class ReviewQueueTallyPropertyTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const int Steps = 200;

    /// <summary>Every open item by proposition and kind, counted from the tables.</summary>
    private const string CountedTally = """
        SELECT proposition_id, kind, count(*)::int AS items FROM (
            SELECT c.proposition_id, 0::smallint AS kind FROM contradiction_candidates c WHERE c.state = 'Open'
            UNION ALL
            SELECT claim.proposition_id, 1 FROM claim_relations r JOIN claims claim ON claim.id = r.from_claim_id
            WHERE r.state = 'Proposed'
            UNION ALL
            SELECT claim.proposition_id, 2 FROM flags f
            LEFT JOIN claim_relations r ON r.id = f.relation_id
            JOIN claims claim ON claim.id = coalesce(f.claim_id, r.from_claim_id)
            WHERE f.status = 'Open'
        ) open GROUP BY proposition_id, kind
        """;

    /// <summary>Each denial's open opposed-stance pairs, counted from the tables.</summary>
    private const string CountedGroups = """
        SELECT d.id AS denial_id, d.proposition_id, count(*)::int AS pairs, min(c.found_at) AS since,
               max(c.found_at) AS newest
        FROM contradiction_candidates c
        JOIN claims d ON d.id IN (c.first_claim_id, c.second_claim_id) AND d.stance = 'Denies'
        WHERE c.state = 'Open' AND c.rule = 'OpposedStances'
        GROUP BY d.id, d.proposition_id
        """;

    private Testing.TestDatabase Database => fixture.Database;

    [Theory]
    [InlineData(20261203)]
    [InlineData(11)]
    public async Task KeptCountsEqualACountFromTheTablesAfterEveryRandomEdit(int seed)
    {
        var random = new Random(seed);
        (await DifferencesAsync()).Should().BeEmpty("the migration counted the demo data's queue");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM review_queue_groups"))
            .Should()
            .BePositive("the demo data has denials with open opposed-stance pairs");
        var applied = 0;
        for (var step = 0; step < Steps; step++)
        {
            var edit = await EditAsync(random);
            if (edit is not null)
            {
                applied++;
            }

            (await DifferencesAsync())
                .Should()
                .BeEmpty("seed {0}, step {1}, after {2}", seed, step, edit ?? "an edit the database refused");
        }

        applied.Should().BeGreaterThan(Steps / 2, "most random edits are ones the database accepts");
    }

    [Fact]
    public async Task TruncatingAQueueTableCountsEverythingAgain()
    {
        await using var db = Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE review_queue_tally SET items = items + 5");
        await db.Database.ExecuteSqlRawAsync("TRUNCATE flags");
        var wrong = await db
            .Database.SqlQueryRaw<int>(
                $"SELECT count(*)::int AS \"Value\" FROM (SELECT proposition_id, kind, items FROM review_queue_tally "
                    + $"WHERE items <> 0 EXCEPT {CountedTally}) d"
            )
            .SingleAsync();
        wrong.Should().Be(0, "TRUNCATE counts the queue again from the tables");
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task ARelationProposedFromAClaimBeingMovedIsCountedUnderWhereTheClaimEndsUp()
    {
        var claim = await Database.ScalarAsync<Guid>(
            "SELECT id FROM claims WHERE measure_id IS NULL ORDER BY id LIMIT 1"
        );
        var other = await Database.ScalarAsync<Guid>(
            $"SELECT id FROM propositions WHERE id <> (SELECT proposition_id FROM claims WHERE id = '{claim}') "
                + "ORDER BY id LIMIT 1"
        );

        // One editor moves the claim to another proposition, and has not committed yet.
        await using var moving = new NpgsqlConnection(Database.ConnectionString);
        await moving.OpenAsync();
        await using var move = await moving.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("UPDATE claims SET proposition_id = @p WHERE id = @c", moving))
        {
            command.Parameters.AddWithValue("p", other);
            command.Parameters.AddWithValue("c", claim);
            await command.ExecuteNonQueryAsync();
        }

        // Another proposes a relation from it.
        var proposing = Task.Run(async () =>
            await Database.ExecuteAsync(
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, "
                    + "proposed_at, state) SELECT gen_random_uuid(), @claim, o.id, 'Corroborates', 'Same', "
                    + "'editor@test.example', now(), 'Proposed' FROM claims o WHERE o.id <> @claim "
                    + "ORDER BY o.id LIMIT 1",
                ("claim", claim)
            )
        );
        var proposedFirst = await Task.WhenAny(proposing, Task.Delay(TimeSpan.FromSeconds(1))) == proposing;
        await move.CommitAsync();
        await proposing;

        (await DifferencesAsync()).Should().BeEmpty("the relation is counted under the claim's new proposition");
        proposedFirst.Should().BeFalse("the relation's trigger waits for the claim it reads through");
    }

    /// <summary>The kept rows that differ from a count from the tables, either way, as text.</summary>
    private async Task<List<string>> DifferencesAsync()
    {
        await using var db = Database.CreateContext();
        return await db
            .Database.SqlQueryRaw<string>(
                $"""
                WITH kept AS (SELECT proposition_id, kind, items FROM review_queue_tally WHERE items <> 0),
                     counted AS ({CountedTally}),
                     kept_groups AS (SELECT denial_id, proposition_id, pairs, since, newest FROM review_queue_groups),
                     counted_groups AS ({CountedGroups})
                SELECT 'kept ' || d::text AS "Value" FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted) d
                UNION ALL
                SELECT 'counted ' || d::text FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept) d
                UNION ALL
                SELECT 'kept group ' || d::text FROM (SELECT * FROM kept_groups EXCEPT SELECT * FROM counted_groups) d
                UNION ALL
                SELECT 'counted group ' || d::text
                FROM (SELECT * FROM counted_groups EXCEPT SELECT * FROM kept_groups) d
                """
            )
            .ToListAsync();
    }

    /// <summary>One random edit; its description, or null when the database refused it (a constraint) or it
    /// found nothing to change.</summary>
    private async Task<string?> EditAsync(Random random)
    {
        var claim = await PickAsync(random, "SELECT id AS \"Value\" FROM claims ORDER BY id");
        var proposition = await PickAsync(random, "SELECT id AS \"Value\" FROM propositions ORDER BY id");
        var n = random.Next(100_000);
        const string openCandidate =
            "(SELECT id FROM contradiction_candidates WHERE state = 'Open' ORDER BY md5(id::text || @n) LIMIT 1)";
        const string proposedRelation =
            "(SELECT id FROM claim_relations WHERE state = 'Proposed' ORDER BY md5(id::text || @n) LIMIT 1)";
        const string anyRelation = "(SELECT id FROM claim_relations ORDER BY md5(id::text || @n) LIMIT 1)";
        var (what, sql) = random.Next(21) switch
        {
            0 or 1 => (
                "opening an opposed-stance candidate",
                "INSERT INTO contradiction_candidates (id, proposition_id, first_claim_id, second_claim_id, rule, "
                    + "reason, first_fingerprint, second_fingerprint, state, found_at) "
                    + "SELECT gen_random_uuid(), a.proposition_id, a.id, d.id, 'OpposedStances', 'Opposed', 'f', 'f', "
                    + "'Open', now() - (@n % 1000) * interval '1 hour' FROM claims a "
                    + "JOIN claims d ON d.proposition_id = a.proposition_id AND d.stance = 'Denies' "
                    + "WHERE a.stance = 'Affirms' ORDER BY md5(a.id::text || d.id::text || @n) LIMIT 1"
            ),
            2 => (
                "opening a figures candidate",
                "INSERT INTO contradiction_candidates (id, proposition_id, first_claim_id, second_claim_id, rule, "
                    + "reason, first_fingerprint, second_fingerprint, state, found_at) "
                    + "SELECT gen_random_uuid(), a.proposition_id, a.id, b.id, 'IncompatibleFigures', 'Figures', 'f', "
                    + "'f', 'Open', now() FROM claims a JOIN claims b ON b.proposition_id = a.proposition_id "
                    + "AND b.id <> a.id ORDER BY md5(a.id::text || b.id::text || @n) LIMIT 1"
            ),
            3 => (
                "dismissing a candidate",
                "UPDATE contradiction_candidates SET state = 'Dismissed', decided_by = 'reviewer@test.example', "
                    + $"decided_at = now(), decision_note = 'Not the same' WHERE id = {openCandidate}"
            ),
            4 => (
                "letting a candidate lapse",
                $"UPDATE contradiction_candidates SET state = 'Lapsed' WHERE id = {openCandidate}"
            ),
            5 => (
                "reopening a candidate",
                "UPDATE contradiction_candidates SET state = 'Open', decided_by = NULL, decided_at = NULL, "
                    + "decision_note = NULL WHERE id = (SELECT id FROM contradiction_candidates "
                    + "WHERE state IN ('Dismissed', 'Lapsed') ORDER BY md5(id::text || @n) LIMIT 1)"
            ),
            6 => (
                "deleting a candidate",
                "DELETE FROM contradiction_candidates WHERE id = (SELECT id FROM contradiction_candidates "
                    + "WHERE state <> 'Confirmed' ORDER BY md5(id::text || @n) LIMIT 1)"
            ),
            7 => (
                "finding a candidate again, a day earlier",
                $"UPDATE contradiction_candidates SET found_at = found_at - interval '1 day' WHERE id = {openCandidate}"
            ),
            8 => (
                "letting every open opposed-stance pair of one denial lapse, in one statement",
                "UPDATE contradiction_candidates SET state = 'Lapsed' WHERE state = 'Open' AND rule = 'OpposedStances' "
                    + "AND @claim IN (first_claim_id, second_claim_id)"
            ),
            9 or 10 => (
                "proposing a relation",
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, "
                    + "proposed_at, state) SELECT gen_random_uuid(), @claim, other.id, 'Contradicts', 'Odd', "
                    + "'editor@test.example', now(), 'Proposed' FROM claims other WHERE other.id <> @claim "
                    + "ORDER BY md5(other.id::text || @n) LIMIT 1"
            ),
            11 => (
                "confirming a relation",
                "UPDATE claim_relations SET state = 'Confirmed', reviewed_by = 'reviewer@test.example', "
                    + $"reviewed_at = now() WHERE id = {proposedRelation}"
            ),
            12 => (
                "dismissing a relation",
                "UPDATE claim_relations SET state = 'Dismissed', reviewed_by = 'reviewer@test.example', "
                    + $"reviewed_at = now(), review_note = 'No' WHERE id = {proposedRelation}"
            ),
            13 => (
                "deleting a relation with its flags, in one transaction",
                $"CREATE TEMP TABLE gone ON COMMIT DROP AS SELECT {anyRelation} AS id; "
                    + "DELETE FROM flags WHERE relation_id IN (SELECT id FROM gone); "
                    + "DELETE FROM claim_relations WHERE id IN (SELECT id FROM gone)"
            ),
            14 => (
                "raising a flag on a claim",
                "INSERT INTO flags (id, claim_id, kind, comment, status, raised_by, raised_at) "
                    + "VALUES (gen_random_uuid(), @claim, 'WeakSource', 'Weak', 'Open', 'reviewer@test.example', now())"
            ),
            15 => (
                "raising a flag on a relation",
                "INSERT INTO flags (id, relation_id, kind, comment, status, raised_by, raised_at) "
                    + $"SELECT gen_random_uuid(), r.id, 'Other', 'Odd', 'Open', 'reviewer@test.example', now() "
                    + $"FROM claim_relations r WHERE r.id = {anyRelation}"
            ),
            16 => (
                "closing a flag",
                "UPDATE flags SET status = 'Resolved', closed_by = 'reviewer@test.example', closed_at = now(), "
                    + "resolution = 'Fixed' WHERE id = (SELECT id FROM flags WHERE status = 'Open' "
                    + "ORDER BY md5(id::text || @n) LIMIT 1)"
            ),
            17 => (
                "reopening a flag",
                "UPDATE flags SET status = 'Open', closed_by = NULL, closed_at = NULL, resolution = NULL "
                    + "WHERE id = (SELECT id FROM flags WHERE status <> 'Open' ORDER BY md5(id::text || @n) LIMIT 1)"
            ),
            18 => (
                "moving a claim to another proposition",
                "UPDATE claims SET proposition_id = @proposition WHERE id = @claim AND measure_id IS NULL"
            ),
            19 => (
                "restancing a claim",
                "UPDATE claims SET stance = (ARRAY['Affirms', 'Denies', 'Hedges'])[1 + @n % 3] WHERE id = @claim"
            ),
            _ => (
                "moving a claim, proposing a relation from it and flagging it, in one transaction",
                "UPDATE claims SET proposition_id = @proposition WHERE id = @claim AND measure_id IS NULL; "
                    + "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, "
                    + "proposed_at, state) SELECT gen_random_uuid(), @claim, other.id, 'Corroborates', 'Same', "
                    + "'editor@test.example', now(), 'Proposed' FROM claims other WHERE other.id <> @claim "
                    + "ORDER BY md5(other.id::text || @n) LIMIT 1; "
                    + "INSERT INTO flags (id, claim_id, kind, comment, status, raised_by, raised_at) "
                    + "VALUES (gen_random_uuid(), @claim, 'Other', 'Moved', 'Open', 'reviewer@test.example', now())"
            ),
        };

        try
        {
            (string, object?)[] all = [("claim", claim), ("proposition", proposition), ("n", n)];
            await Database.ExecuteAsync(
                sql,
                [.. all.Where(p => sql.Contains("@" + p.Item1, StringComparison.Ordinal))]
            );
            return what;
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    private async Task<Guid> PickAsync(Random random, string sql)
    {
        await using var db = Database.CreateContext();
        var ids = await db.Database.SqlQueryRaw<Guid>(sql).ToListAsync();
        return ids[random.Next(ids.Count)];
    }
}
