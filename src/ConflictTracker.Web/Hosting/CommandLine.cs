using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// Operator commands run instead of the web server: <c>ConflictTracker.Web migrate [--seed-demo]</c>
/// applies pending migrations and, with --seed-demo, loads the demo data (idempotently).
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["migrate"];

    public static (string[]? Command, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal)
            ? (args, [])
            : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandLine));
        var unknown = command.Skip(1).Where(a => a != "--seed-demo").ToList();
        if (unknown.Count > 0)
        {
            logger.LogError("Unknown option(s) {Options}; usage: migrate [--seed-demo]", unknown);
            return 2;
        }

        await using (var db = MigrationContext(app))
        {
            // Migrate creates the database when it does not exist yet.
            await db.Database.MigrateAsync();
            var applied = await db.Database.GetAppliedMigrationsAsync();
            logger.LogInformation("Database schema is up to date at migration {Migration}", applied.LastOrDefault());
        }

        if (command.Contains("--seed-demo"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync();
            logger.LogInformation("Demo data: {Result}", result);
        }

        return 0;
    }

    /// <summary>
    /// The app's context, except that a failed connection is logged at Debug: Migrate first probes
    /// for the database, and on a new server that probe fails by design ("database does not exist")
    /// before Migrate creates it. A real failure still ends the command with its exception.
    /// </summary>
    private static AppDbContext MigrationContext(WebApplication app)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, app.Configuration.GetConnectionString(Database.ConnectionStringName)!);
        options.UseLoggerFactory(app.Services.GetRequiredService<ILoggerFactory>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
        return new AppDbContext(options.Options);
    }
}
