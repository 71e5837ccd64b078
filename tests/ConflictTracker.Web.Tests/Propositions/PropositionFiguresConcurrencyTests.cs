using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Propositions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Claim = ConflictTracker.Domain.Claims.Claim;

namespace ConflictTracker.Web.Tests.Propositions;

/// <summary>
/// Kept figures under two writers at once (docs/rules/origin-counting.md, "Kept figures"): a trigger reading
/// through a row another transaction is changing must wait for it, or a proposition could keep figures of a
/// state that never existed.
/// </summary>
public class PropositionFiguresConcurrencyTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Troops = DemoIds.For("proposition", "nk-troops-in-russia");

    [Fact]
    public async Task ASourceRegradedWhileAClaimNewlyCitesItLeavesNoStaleFigures()
    {
        var database = fixture.Database;
        // A claim with no citation yet: the source it is about to cite gives it its grade.
        Guid claimId;
        await using (var db = database.CreateContext())
        {
            db.ChangedBy = "editor@test.example";
            var claim = Claim.Create(
                new NewClaim(
                    await db.Propositions.SingleAsync(p => p.Id == Troops),
                    await db.Actors.SingleAsync(a => a.Id == DemoIds.For("actor", "budanov")),
                    PartialDate.Day(2024, 11, 9),
                    Stance.Affirms,
                    "A claim about to cite a source."
                )
                {
                    Status = ClaimStatus.Published,
                },
                DateTimeOffset.UtcNow
            );
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            claimId = claim.Id;
        }

        // A source no claim of the proposition cites yet: regrading it alone does not touch the proposition.
        var sourceId = await database.ScalarAsync<Guid>(
            "SELECT id FROM sources s WHERE NOT EXISTS (SELECT 1 FROM citations ci JOIN claims c ON c.id = ci.claim_id "
                + $"WHERE ci.source_id = s.id AND c.proposition_id = '{Troops}') ORDER BY id LIMIT 1"
        );
        await database.ExecuteAsync("UPDATE sources SET reliability = 'A' WHERE id = @id", ("id", sourceId));
        await PropositionFiguresStore.GetAsync(database.ContextFactory, Troops);

        // One editor regrades the source, and has not committed yet.
        await using var regrading = new NpgsqlConnection(database.ConnectionString);
        await regrading.OpenAsync();
        await using var regrade = await regrading.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("UPDATE sources SET reliability = 'E' WHERE id = @id", regrading))
        {
            command.Parameters.AddWithValue("id", sourceId);
            await command.ExecuteNonQueryAsync();
        }

        // Another cites it, as the origin of the new claim.
        var citing = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "INSERT INTO citations (id, claim_id, source_id, role) "
                    + "VALUES (gen_random_uuid(), @claim, @source, 'Origin')",
                connection
            );
            command.Parameters.AddWithValue("claim", claimId);
            command.Parameters.AddWithValue("source", sourceId);
            await command.ExecuteNonQueryAsync();
        });
        var citedFirst = await Task.WhenAny(citing, Task.Delay(TimeSpan.FromSeconds(1))) == citing;

        // A reader in between keeps what it sees; then the regrade commits, and the citation with it.
        await PropositionFiguresStore.GetAsync(database.ContextFactory, Troops);
        await regrade.CommitAsync();
        await citing;

        var kept = await PropositionFiguresStore.GetAsync(database.ContextFactory, Troops);
        await using var fresh = database.CreateContext();
        kept.Should().BeEquivalentTo(await PropositionFigures.ComputeAsync(fresh, Troops, CancellationToken.None));
        citedFirst.Should().BeFalse("the citation's trigger waits for the source it reads through");
    }
}
