using System.Security.Cryptography;
using System.Text;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Testing;

/// <summary>
/// Databases for tests on the real PostgreSQL server named by <c>CT_TEST_POSTGRES</c> (scripts/test.sh
/// starts a throwaway cluster and sets it). The schema is migrated once into a template database;
/// each fixture then gets its own copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "CT_TEST_POSTGRES";

    // Serialises template creation across test assemblies running in parallel.
    private const long TemplateLockKey = 0x54455354;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? template;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Tests need a PostgreSQL server: run scripts/test.sh, or set {ServerVariable} to an Npgsql connection "
                    + "string (database 'postgres') for a server where the user may create databases."
            );

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database,
            Pooling = true,
        }.ConnectionString;

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var source = await EnsureTemplateAsync();
        var name = $"ct_test_{Guid.NewGuid():N}"[..20];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand(
                    $"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"",
                    connection
                );
                await create.ExecuteNonQueryAsync();
                return new TestDatabase(name, ConnectionStringFor(name));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another assembly is copying the same template at this moment; copies must take turns.
                await Task.Delay(100 * attempt);
            }
        }
    }

    /// <summary>A name for a database that does not exist yet (for tests of the commands that create one); dropped on
    /// dispose.</summary>
    public static TestDatabase NewDatabaseName()
    {
        var name = $"ct_test_{Guid.NewGuid():N}"[..20];
        return new TestDatabase(name, ConnectionStringFor(name));
    }

    /// <summary>A database of its own with the demo data loaded, for tests that add to it or change it.</summary>
    public static async Task<TestDatabase> CreateDemoDatabaseAsync()
    {
        var database = await CreateDatabaseAsync();
        await new Web.Features.DemoData.DemoDataLoader(
            database.ContextFactory,
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Features.DemoData.DemoDataLoader>.Instance
        ).LoadAsync();
        return database;
    }

    internal static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }

            var migrations = string.Join(",", CreateContext("Host=unused").Database.GetMigrations());
            var name =
                "ct_template_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..16];

            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await Execute(connection, $"SELECT pg_advisory_lock({TemplateLockKey})");
            try
            {
                await using var exists = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_database WHERE datname = @name",
                    connection
                );
                exists.Parameters.AddWithValue("name", name);
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    // Migrate under a temporary name and rename at the end, so a half-built template is never used.
                    var building = name + "_building";
                    await Execute(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await Execute(connection, $"CREATE DATABASE \"{building}\"");
                    var buildingConnection = ConnectionStringFor(building);
                    await using (var db = CreateContext(buildingConnection))
                    {
                        await db.Database.MigrateAsync();
                    }

                    NpgsqlConnection.ClearAllPools();
                    await Execute(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await Execute(connection, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }

            return template = name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The author of changes that tests save straight through a context.</summary>
    public const string TestAuthor = "test@conflicttracker.test";

    public static AppDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, connectionString);
        return new AppDbContext(options.Options) { ChangedBy = TestAuthor };
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
