using Xunit;

namespace ConflictTracker.Testing;

/// <summary>An empty migrated database shared by the tests of one class.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public virtual async Task InitializeAsync() => database = await TestPostgres.CreateDatabaseAsync();

    public virtual async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
