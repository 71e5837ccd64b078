using ConflictTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Data;

public class MigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void ModelHasNoChangesMissingFromTheMigrations()
    {
        using var db = fixture.Database.CreateContext();

        db.Database.HasPendingModelChanges()
            .Should()
            .BeFalse("every model change needs a migration (dotnet ef migrations add)");
    }

    [Fact]
    public async Task TemplateDatabaseIsFullyMigrated()
    {
        await using var db = fixture.Database.CreateContext();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }
}
