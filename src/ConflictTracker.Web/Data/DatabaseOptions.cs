using ConflictTracker.Web.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ConflictTracker.Web.Data;

/// <summary>How every <see cref="AppDbContext"/> is configured: the app's, the commands', the tests' and the
/// benchmark's.</summary>
public static class DatabaseOptions
{
    /// <summary>Statements prepared automatically when the connection string does not say otherwise.</summary>
    public const int AutoPrepared = 256;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // Every save runs the save path: its transaction, candidates, notification and history.
            .AddInterceptors(SavePath.Instance)
            // A connection that cannot be opened reaches whoever opened it as an exception, which is
            // logged there (and condensed during an outage: DatabaseOutage); EF's own line, without
            // the exception, would repeat it for every request while the database is down.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>
    /// The connection string with automatic preparation on (docs/performance.md, "Prepared statements"): a
    /// statement run twice on a connection is prepared, so PostgreSQL parses and plans it once instead of on every
    /// run; for the claim read, a join of ten tables, planning cost 18 ms against 1 ms of execution. A connection
    /// string that sets <c>Max Auto Prepare</c> keeps its value (0 turns preparation off). Searches plan each
    /// statement for its values (<c>ClaimSearchService</c>; ADR-015).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Only when the operator's string does not set it (an explicit 0 turns preparation off).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(IsMaxAutoPrepare))
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static bool IsMaxAutoPrepare(string key) =>
        key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase);
}
