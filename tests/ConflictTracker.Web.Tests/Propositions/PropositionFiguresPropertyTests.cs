using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.Propositions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Claim = ConflictTracker.Domain.Claims.Claim;

namespace ConflictTracker.Web.Tests.Propositions;

/// <summary>
/// The kept proposition figures (docs/rules/origin-counting.md, "Kept figures") against a full recomputation,
/// after every one of many random edits on the demo data: claims added, retracted and published again, moved
/// between propositions, restanced; citations added, removed and re-roled; sources regraded and given another
/// publisher; actors renamed, regraded, made collective; claims given another speaker or deleted; repeats
/// relations confirmed, dismissed and deleted; several of these in one transaction. Edits go straight to the
/// database (SQL), as a bulk load or a hand fix would: the triggers must see every path.
/// </summary>
public class PropositionFiguresPropertyTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const int Steps = 150;

    private static readonly string[] Grades = ["A", "B", "C", "D", "E", "F"];
    private static readonly string[] Roles = ["Origin", "FirstReport", "Republication"];
    private static readonly Stance[] Stances = Enum.GetValues<Stance>();

    private Testing.TestDatabase Database => fixture.Database;

    [Theory]
    [InlineData(20261203)]
    [InlineData(7)]
    public async Task KeptFiguresEqualAFullRecomputationAfterEveryRandomEdit(int seed)
    {
        var random = new Random(seed);
        var propositions = await IdsAsync("SELECT id FROM propositions");
        var applied = 0;
        for (var step = 0; step < Steps; step++)
        {
            var edit = await EditAsync(random, propositions);
            if (edit is not null)
            {
                applied++;
            }

            // Every proposition read twice: kept figures served must equal figures computed afresh.
            foreach (var id in propositions)
            {
                var kept = await PropositionFiguresStore.GetAsync(Database.ContextFactory, id);
                await using var db = Database.CreateContext();
                var fresh = await PropositionFigures.ComputeAsync(db, id, CancellationToken.None);
                kept.Should()
                    .BeEquivalentTo(
                        fresh,
                        o => o.WithStrictOrdering(),
                        "seed {0}, step {1}, after {2}: proposition {3}",
                        seed,
                        step,
                        edit ?? "an edit the database refused",
                        id
                    );
            }

            // And they were kept: the next read is served from proposition_figures.
            (
                await Database.ScalarAsync<long>(
                    "SELECT count(*) FROM proposition_figures WHERE figures_version = evidence_version"
                )
            )
                .Should()
                .Be(propositions.Count);
        }

        applied.Should().BeGreaterThan(Steps * 2 / 3, "most random edits are ones the database accepts");
    }

    /// <summary>One random edit; its description, or null when the database refused it (a constraint).</summary>
    private async Task<string?> EditAsync(Random random, List<Guid> propositions)
    {
        var claim = await PickAsync(random, "SELECT id FROM claims");
        var source = await PickAsync(random, "SELECT id FROM sources");
        var actor = await PickAsync(random, "SELECT id FROM actors");
        var proposition = propositions[random.Next(propositions.Count)];
        var (what, sql, parameters) = random.Next(18) switch
        {
            0 => (
                "retracting or publishing a claim",
                "UPDATE claims SET status = CASE WHEN status = 'Published' THEN 'Retracted' ELSE 'Published' END, "
                    + "retraction_reason = CASE WHEN status = 'Published' THEN 'Withdrawn by its source' END "
                    + "WHERE id = @claim",
                Array.Empty<(string, object?)>()
            ),
            1 => (
                "moving a claim to another proposition",
                "UPDATE claims SET proposition_id = @proposition WHERE id = @claim AND measure_id IS NULL",
                []
            ),
            2 => (
                "restancing a claim",
                "UPDATE claims SET stance = @text WHERE id = @claim",
                [("text", Pick(random, Stances).ToString())]
            ),
            3 => (
                "grading a claim's credibility",
                "UPDATE claims SET credibility = @number WHERE id = @claim",
                [("number", random.Next(7) is var n && n > 0 ? n : null)]
            ),
            4 => (
                "citing a source",
                "INSERT INTO citations (id, claim_id, source_id, role) "
                    + "VALUES (gen_random_uuid(), @claim, @source, @text)",
                [("text", random.Next(3) == 0 ? "Origin" : "Republication")]
            ),
            5 => (
                "removing a citation",
                "DELETE FROM citations WHERE id = (SELECT id FROM citations WHERE claim_id = @claim "
                    + "AND NOT EXISTS (SELECT 1 FROM citations d WHERE d.derived_from_id = citations.id) LIMIT 1)",
                []
            ),
            6 => (
                "changing a citation's role",
                "UPDATE citations SET role = @text, derived_from_id = NULL WHERE id = "
                    + "(SELECT id FROM citations WHERE claim_id = @claim LIMIT 1)",
                [("text", Pick(random, Roles))]
            ),
            7 => (
                "regrading a source",
                "UPDATE sources SET reliability = @text WHERE id = @source",
                [("text", random.Next(7) == 0 ? null : Pick(random, Grades))]
            ),
            8 => (
                "giving a source another publisher",
                "UPDATE sources SET publisher_id = @actor WHERE id = @source",
                []
            ),
            9 => (
                "making an actor collective, or not",
                "UPDATE actors SET is_collective = NOT is_collective WHERE id = @actor",
                []
            ),
            10 => (
                "regrading and renaming an actor",
                "UPDATE actors SET reliability = @text, name = left(name, 150) || ' ' || @number WHERE id = @actor",
                [("text", Pick(random, Grades)), ("number", random.Next(1000))]
            ),
            11 => (
                "confirming a repeats relation",
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, "
                    + "proposed_at, "
                    + "state, reviewed_by, reviewed_at) SELECT gen_random_uuid(), @claim, other.id, 'Repeats', "
                    + "'Same wording', 'editor@test.example', now(), 'Confirmed', 'reviewer@test.example', now() "
                    + "FROM claims other "
                    + "WHERE other.proposition_id = (SELECT proposition_id FROM claims WHERE id = @claim) "
                    + "AND other.id <> @claim ORDER BY md5(other.id::text || @number) LIMIT 1",
                [("number", random.Next(1000))]
            ),
            12 => (
                "dismissing a repeats relation",
                "UPDATE claim_relations SET state = 'Dismissed', review_note = 'Not the same report' WHERE id = "
                    + "(SELECT id FROM claim_relations WHERE type = 'Repeats' AND state = 'Confirmed' "
                    + "ORDER BY md5(id::text || @number) LIMIT 1)",
                [("number", random.Next(1000))]
            ),
            13 => ("giving a claim another speaker", "UPDATE claims SET asserted_by_id = @actor WHERE id = @claim", []),
            14 => (
                "deleting a claim with its citations and relations, in one transaction",
                "DELETE FROM claim_relations WHERE from_claim_id = @claim OR to_claim_id = @claim; "
                    + "DELETE FROM citations WHERE claim_id = @claim; DELETE FROM claims WHERE id = @claim",
                []
            ),
            15 => (
                "deleting a relation",
                "DELETE FROM claim_relations WHERE id = (SELECT id FROM claim_relations "
                    + "ORDER BY md5(id::text || @number) LIMIT 1)",
                [("number", random.Next(1000))]
            ),
            16 => (
                "restancing a claim, citing a source and regrading it, in one transaction",
                "UPDATE claims SET stance = @text WHERE id = @claim; "
                    + "INSERT INTO citations (id, claim_id, source_id, role) "
                    + "VALUES (gen_random_uuid(), @claim, @source, 'Republication'); "
                    + "UPDATE sources SET reliability = 'C' WHERE id = @source",
                [("text", Pick(random, Stances).ToString())]
            ),
            _ => ("adding a claim", null, []),
        };

        if (sql is null)
        {
            return await AddClaimAsync(random, proposition, actor, source) ? what : null;
        }

        try
        {
            (string, object?)[] all =
            [
                ("claim", claim),
                ("source", source),
                ("actor", actor),
                ("proposition", proposition),
                .. parameters,
            ];
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

    private async Task<bool> AddClaimAsync(Random random, Guid propositionId, Guid actorId, Guid sourceId)
    {
        await using var db = Database.CreateContext();
        db.ChangedBy = "editor@test.example";
        var proposition = await db.Propositions.SingleAsync(p => p.Id == propositionId);
        var actor = await db.Actors.SingleAsync(a => a.Id == actorId);
        var claim = Claim.Create(
            new NewClaim(
                proposition,
                actor,
                PartialDate.Day(2024, 10, 1 + random.Next(28)),
                Pick(random, Stances),
                "A new claim."
            )
            {
                Status = random.Next(5) == 0 ? ClaimStatus.Draft : ClaimStatus.Published,
            },
            DateTimeOffset.UtcNow
        );
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        await Database.ExecuteAsync(
            "INSERT INTO citations (id, claim_id, source_id, role) "
                + "VALUES (gen_random_uuid(), @claim, @source, 'Origin')",
            ("claim", claim.Id),
            ("source", sourceId)
        );
        return true;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private async Task<Guid> PickAsync(Random random, string sql)
    {
        var ids = await IdsAsync(sql + " ORDER BY id");
        return ids[random.Next(ids.Count)];
    }

    private async Task<List<Guid>> IdsAsync(string sql)
    {
        await using var db = Database.CreateContext();
        return await db.Database.SqlQueryRaw<Guid>(sql.Replace("SELECT id", "SELECT id AS \"Value\"")).ToListAsync();
    }
}
