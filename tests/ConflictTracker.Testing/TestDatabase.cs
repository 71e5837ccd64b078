using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Testing;

/// <summary>A migrated database of its own for one test fixture, dropped when the fixture ends.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    internal TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public AppDbContext CreateContext() => TestPostgres.CreateContext(ConnectionString);

    public IDbContextFactory<AppDbContext> ContextFactory => new Factory(this);

    /// <summary>Runs SQL straight on the database, bypassing every check of the application.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(Name);
    }

    private sealed class Factory(TestDatabase database) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.CreateContext();
    }
}
