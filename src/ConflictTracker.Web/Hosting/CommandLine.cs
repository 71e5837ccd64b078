using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;

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

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
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
}
