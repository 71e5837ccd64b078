using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>
/// Statements are prepared automatically (docs/performance.md, "Prepared statements"), and a search asks for plans
/// made for its own values on its connection: that setting must not outlive the search, or every later statement
/// on that pooled connection would be planned afresh too (or a search planned once for any word).
/// </summary>
public class SearchPlanningTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task AConnectionBackFromASearchPlansAsAnyOtherAndKeepsItsPreparedStatements()
    {
        // One connection in the pool, so the search and the check below share it.
        var connectionString = fixture.Database.ConnectionString + ";Maximum Pool Size=1";
        var factory = new Factory(connectionString);
        int backend;
        await using (var db = factory.CreateDbContext())
        {
            backend = await PidAsync(db);
        }

        var search = new ClaimSearchService(factory, TestUsers.Analyst);
        for (var i = 0; i < 3; i++)
        {
            (await search.SearchAsync(new ClaimQuery { Text = "troops" })).Items.Should().NotBeEmpty();
        }

        await using var after = factory.CreateDbContext();
        (await PidAsync(after)).Should().Be(backend, "the pool hands back the connection the search used");
        (
            await after
                .Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"")
                .SingleAsync()
        )
            .Should()
            .Be("auto");
        (
            await after
                .Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements")
                .SingleAsync()
        )
            .Should()
            .BePositive("statements run twice are prepared, and stay prepared across uses of the connection");
    }

    [Fact]
    public void AConnectionStringThatSetsAutomaticPreparationKeepsItsValue()
    {
        DatabaseOptions.Tuned("Host=h;Max Auto Prepare=7").Should().Contain("Max Auto Prepare=7");
        DatabaseOptions.Tuned("Host=h;max auto prepare=0").Should().NotContain($"={DatabaseOptions.AutoPrepared}");
        DatabaseOptions.Tuned("Host=h").Should().Contain($"Max Auto Prepare={DatabaseOptions.AutoPrepared}");
    }

    private static async Task<int> PidAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

    private sealed class Factory(string connectionString) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => TestPostgres.CreateContext(connectionString);
    }
}
