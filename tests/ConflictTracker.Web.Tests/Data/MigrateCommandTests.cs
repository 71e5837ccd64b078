using System.Diagnostics;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Data;

/// <summary>The operator's <c>migrate</c> command, run as a real process the way scripts/run.sh and a deployment run
/// it.</summary>
public class MigrateCommandTests
{
    /// <summary>
    /// Two instances starting at once both run <c>migrate --seed-demo</c> on a database that does not
    /// exist yet: they take turns, so both succeed and the demo data is there once.
    /// </summary>
    [Fact]
    public async Task TwoMigrateRunsAtOnceOnANewDatabaseBothSucceedAndSeedOnce()
    {
        await using var database = TestPostgres.NewDatabaseName();

        var runs = await Task.WhenAll(MigrateAsync(database.ConnectionString), MigrateAsync(database.ConnectionString));

        runs.Should().AllSatisfy(run => run.ExitCode.Should().Be(0, run.Errors));
        await using var db = database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        var demo = await DemoDataCountsAsync();
        (await db.Claims.CountAsync()).Should().Be(demo.Claims, "the demo data is loaded once");
        (await db.Candidates.CountAsync()).Should().Be(demo.Candidates, "and its candidates are worked out once");
    }

    /// <summary>
    /// A database migrated by the fourteen migrations the baseline replaced (ADR-012) is moved onto
    /// the baseline without running it: its data stays, its history names the baseline only.
    /// </summary>
    [Fact]
    public async Task ADatabaseMigratedBeforeTheBaselineIsMovedOntoItWithItsDataKept()
    {
        await using var database = await TestPostgres.CreateDemoDatabaseAsync();
        int claims;
        await using (var db = database.CreateContext())
        {
            claims = await db.Claims.CountAsync();
            // Back to the schema the replaced migrations left (the baseline's), undoing later migrations.
            await Microsoft
                .EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(
                    db
                )
                .MigrateAsync(MigrationBaseline.Id);
            await SetHistoryAsync(db, MigrationBaseline.Replaced);
        }

        var run = await MigrateAsync(database.ConnectionString, seed: false);

        run.ExitCode.Should().Be(0, run.Errors);
        await using var after = database.CreateContext();
        (await after.Database.GetAppliedMigrationsAsync())
            .Should()
            .Equal(after.Database.GetMigrations(), "the baseline, then every later migration");
        (await after.Database.GetAppliedMigrationsAsync()).First().Should().Be(MigrationBaseline.Id);
        (await after.Claims.CountAsync()).Should().Be(claims);
    }

    /// <summary>One left half-way through the replaced migrations is refused, saying what to do, and left as it
    /// was.</summary>
    [Fact]
    public async Task ADatabaseLeftHalfWayThroughTheReplacedMigrationsIsRefusedAndLeftAlone()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var halfWay = MigrationBaseline.Replaced.Take(3).ToList();
        await using (var db = database.CreateContext())
        {
            await SetHistoryAsync(db, halfWay);
        }

        var run = await MigrateAsync(database.ConnectionString, seed: false);

        run.ExitCode.Should().Be(1);
        run.Errors.Should().Contain("migrated by an older version up to 20261128125022_Identity");
        await using var after = database.CreateContext();
        (
            await after
                .Database.SqlQuery<string>($"SELECT migration_id AS \"Value\" FROM __ef_migrations_history")
                .ToListAsync()
        )
            .Should()
            .BeEquivalentTo(halfWay);
    }

    private static async Task SetHistoryAsync(AppDbContext db, IEnumerable<string> migrations)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM __ef_migrations_history");
        foreach (var migration in migrations)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO __ef_migrations_history VALUES ({migration}, '10.0.15')");
        }
    }

    private static async Task<(int Claims, int Candidates)> DemoDataCountsAsync()
    {
        await using var reference = await TestPostgres.CreateDemoDatabaseAsync();
        await using var db = reference.CreateContext();
        return (await db.Claims.CountAsync(), await db.Candidates.CountAsync());
    }

    private static async Task<(int ExitCode, string Errors)> MigrateAsync(string connectionString, bool seed = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConflictTracker.Web.dll"), "migrate" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = connectionString,
            },
        };
        if (seed)
        {
            start.ArgumentList.Add("--seed-demo");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, errors + await output);
    }
}
