using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictTracker.Web.Hosting;

internal static class Database
{
    public const string ConnectionStringName = "Default";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} (an Npgsql connection string), " +
                "or start the app with scripts/run.sh, which starts a local PostgreSQL.");
        }

        // Blazor components take a factory and make one short-lived context per operation;
        // the factory also registers AppDbContext as scoped for request-bound code.
        services.AddDbContextFactory<AppDbContext>(options => Configure(options, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // A connection that cannot be opened reaches whoever opened it as an exception, which is
            // logged there (and condensed during an outage: DatabaseOutage); EF's own line, without
            // the exception, would repeat it for every request while the database is down.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
}
