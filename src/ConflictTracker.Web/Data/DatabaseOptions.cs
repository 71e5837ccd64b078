using ConflictTracker.Web.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictTracker.Web.Data;

/// <summary>How every <see cref="AppDbContext"/> is configured: the app's, the commands', the tests' and the
/// benchmark's.</summary>
public static class DatabaseOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // Every save runs the save path: its transaction, candidates, notification and history.
            .AddInterceptors(SavePath.Instance)
            // A connection that cannot be opened reaches whoever opened it as an exception, which is
            // logged there (and condensed during an outage: DatabaseOutage); EF's own line, without
            // the exception, would repeat it for every request while the database is down.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
}
