using System.Diagnostics;
using ConflictTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Data;

/// <summary>The operator's <c>migrate</c> command, run as a real process the way scripts/run.sh and a deployment run it.</summary>
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

    private static async Task<(int Claims, int Candidates)> DemoDataCountsAsync()
    {
        await using var reference = await TestPostgres.CreateDemoDatabaseAsync();
        await using var db = reference.CreateContext();
        return (await db.Claims.CountAsync(), await db.Candidates.CountAsync());
    }

    private static async Task<(int ExitCode, string Errors)> MigrateAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConflictTracker.Web.dll"), "migrate", "--seed-demo" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = connectionString,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, errors + await output);
    }
}
