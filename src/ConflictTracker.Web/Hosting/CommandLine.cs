using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Data.Saving;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Evidence;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// Operator commands run instead of the web server:
/// <list type="bullet">
/// <item><c>migrate [--seed-demo]</c> applies pending migrations and, with --seed-demo, loads the demo data
/// (idempotently).</item>
/// <item><c>admin create-user --email E --name "N" --role R [--role R2] [--password-stdin]</c> creates an account
/// (the first admin of a deployment); without --password-stdin a random password is printed once.</item>
/// <item><c>admin demo-accounts</c> (Development only) gives one demo account per role a fresh password and prints
/// them.</item>
/// <item><c>admin create-token --email E [--name "N"] [--days D]</c> creates an API token for an account; it counts as
/// a
/// second factor, since the operator vouches for whoever receives it (docs/rules/authorisation.md, "The API").</item>
/// <item><c>admin verify-evidence</c> re-hashes every stored evidence file and reports any mismatch (exit code
/// 3).</item>
/// <item><c>admin refresh-candidates</c> works out the contradiction candidates of every proposition again (after a
/// bulk load).</item>
/// <item><c>admin recount-queue</c> counts the review queue's kept counts again from the tables.</item>
/// <item><c>admin recompute-figures [--all]</c> computes and keeps the figures of every proposition whose kept
/// figures are out of date (after a bulk load), or of all with --all.</item>
/// </list>
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "admin"];

    public static (string[]? Command, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal) ? (args, []) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandLine));
        return command[0] == "admin"
            ? await AdminAsync(app, command[1..], logger)
            : await MigrateAsync(app, command, logger);
    }

    private static async Task<int> MigrateAsync(WebApplication app, string[] command, ILogger logger)
    {
        var unknown = command.Skip(1).Where(a => a != "--seed-demo").ToList();
        if (unknown.Count > 0)
        {
            logger.LogError("Unknown option(s) {Options}; usage: migrate [--seed-demo]", unknown);
            return 2;
        }

        // Two instances starting at once run `migrate` at once: they take turns, so the second finds
        // the database created, migrated and seeded instead of racing the first to do it.
        var connectionString = app.Configuration.GetConnectionString(Database.ConnectionStringName)!;
        await using var turn = await MigrationTurnAsync(connectionString, logger);
        await using (var db = MigrationContext(app))
        {
            // A database migrated before the baseline migration is moved onto it first (ADR-012).
            if (await MigrationBaseline.RebaseAsync(db))
            {
                logger.LogInformation(
                    "Moved the database's migration history onto the baseline {Migration}",
                    MigrationBaseline.Id
                );
            }

            // Migrate creates the database when it does not exist yet.
            await db.Database.MigrateAsync();
            var applied = await db.Database.GetAppliedMigrationsAsync();
            logger.LogInformation("Database schema is up to date at migration {Migration}", applied.LastOrDefault());
            var candidates = await CandidateRefresh.BackfillAsync(db);
            if (candidates > 0)
            {
                logger.LogInformation(
                    "Worked out {Count} contradiction candidates for the claims already stored",
                    candidates
                );
            }
        }

        if (command.Contains("--seed-demo"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync();
            logger.LogInformation("Demo data: {Result}", result);
        }

        return 0;
    }

    private static async Task<int> AdminAsync(WebApplication app, string[] args, ILogger logger)
    {
        await using var scope = app.Services.CreateAsyncScope();
        switch (args.FirstOrDefault())
        {
            case "create-user":
                var options = Options(args[1..], ["--email", "--name", "--role"], ["--password-stdin"]);
                if (
                    options is null
                    || !options.TryGetValue("--email", out var email)
                    || !options.TryGetValue("--role", out var roles)
                )
                {
                    await Console.Error.WriteLineAsync(
                        "usage: admin create-user --email E --name \"N\" --role Analyst|Editor|Reviewer|Admin "
                            + "[--role ...] [--password-stdin]"
                    );
                    return 2;
                }

                var generated = !options.ContainsKey("--password-stdin");
                var password = generated
                    ? DemoAccounts.NewPassword()
                    : (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
                try
                {
                    var user = await scope
                        .ServiceProvider.GetRequiredService<AccountService>()
                        .CreateUncheckedAsync(
                            new NewUser(email[0], options.GetValueOrDefault("--name")?[0] ?? email[0], password, roles)
                        );
                    logger.LogInformation(
                        "Account {Email} created with roles {Roles} from the command line",
                        user.Email,
                        user.Roles
                    );
                    if (generated)
                    {
                        await Console.Out.WriteLineAsync(
                            $"Password for {user.Email} (shown once; change it after signing in): {password}"
                        );
                    }

                    return 0;
                }
                catch (DomainValidationException ex)
                {
                    foreach (var (field, messages) in ex.Errors)
                    {
                        await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
                    }

                    return 1;
                }

            case "demo-accounts":
                if (!app.Environment.IsDevelopment())
                {
                    logger.LogError(
                        "Demo accounts exist only in Development; this is {Environment}",
                        app.Environment.EnvironmentName
                    );
                    return 1;
                }

                var accounts = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().ResetAsync();
                var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
                var userManager =
                    scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                await Console.Out.WriteLineAsync(
                    "Demo accounts (Development only; new passwords and API tokens on every start):"
                );
                foreach (var (address, role, secret) in accounts)
                {
                    var demoUser = await userManager.FindByEmailAsync(address);
                    var token = await tokens.CreateForAsync(
                        demoUser!.Id,
                        "demo (scripts/run.sh)",
                        days: 1,
                        ApiTokenSecondFactor.Operator
                    );
                    await Console.Out.WriteLineAsync($"  {role, -9} {address, -40} {secret}");
                    await Console.Out.WriteLineAsync($"  {"", -9} API token: {token.Secret}");
                }

                return 0;

            case "create-token":
                var tokenOptions = Options(args[1..], ["--email", "--name", "--days"], []);
                if (
                    tokenOptions is null
                    || !tokenOptions.TryGetValue("--email", out var tokenEmail)
                    || !int.TryParse(
                        tokenOptions.GetValueOrDefault("--days")?[0]
                            ?? ApiTokenService.DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        out var days
                    )
                )
                {
                    await Console.Error.WriteLineAsync(
                        $"usage: admin create-token --email E [--name \"N\"] [--days 1-{ApiTokenService.MaxDays}]"
                    );
                    return 2;
                }

                var owner = await scope
                    .ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
                    .FindByEmailAsync(tokenEmail[0]);
                if (owner is null)
                {
                    await Console.Error.WriteLineAsync($"There is no account {tokenEmail[0]}.");
                    return 1;
                }

                try
                {
                    var created = await scope
                        .ServiceProvider.GetRequiredService<ApiTokenService>()
                        .CreateForAsync(
                            owner.Id,
                            tokenOptions.GetValueOrDefault("--name")?[0] ?? "command line",
                            days,
                            ApiTokenSecondFactor.Operator
                        );
                    logger.LogInformation(
                        "API token {TokenId} created for {Email} from the command line",
                        created.Token.Id,
                        tokenEmail[0]
                    );
                    await Console.Out.WriteLineAsync(
                        $"API token for {tokenEmail[0]} (shown once; expires "
                            + $"{created.Token.ExpiresAt:yyyy-MM-dd}): {created.Secret}"
                    );
                    await Console.Out.WriteLineAsync(
                        "It counts as a second factor for editors, reviewers and admins: hand it over as "
                            + "carefully as the account itself."
                    );
                    return 0;
                }
                catch (DomainValidationException ex)
                {
                    foreach (var (field, messages) in ex.Errors)
                    {
                        await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
                    }

                    return 1;
                }

            case "refresh-candidates":
                // After a bulk load that bypassed the app (COPY): work out the contradiction candidates.
                await using (var db = MigrationContext(app))
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var added = await CandidateRefresh.RefreshAllAsync(
                        db,
                        (done, total) =>
                        {
                            if (done % 100 == 0 || done == total)
                            {
                                logger.LogInformation(
                                    "Candidates worked out for {Done} of {Total} propositions",
                                    done,
                                    total
                                );
                            }
                        }
                    );
                    logger.LogInformation(
                        "Added {Count} contradiction candidates in {Seconds:F1} s",
                        added,
                        watch.Elapsed.TotalSeconds
                    );
                }

                return 0;

            case "recompute-figures":
                // After a bulk load: every proposition's figures computed once, so no reader waits for them.
                await using (var db = MigrationContext(app))
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var count = await ConflictTracker.Web.Features.Propositions.PropositionFiguresStore.RecomputeAsync(
                        db,
                        all: args.Contains("--all"),
                        (done, total) =>
                        {
                            if (done % 100 == 0 || done == total)
                            {
                                logger.LogInformation(
                                    "Figures computed for {Done} of {Total} propositions",
                                    done,
                                    total
                                );
                            }
                        }
                    );
                    logger.LogInformation(
                        "Recomputed the figures of {Count} propositions in {Seconds:F1} s",
                        count,
                        watch.Elapsed.TotalSeconds
                    );
                }

                return 0;

            case "recount-queue":
                // The review queue's kept counts counted again from the tables (docs/rules/review-queue.md, "Counts
                // kept"): the triggers keep them, so this is for a load that ran with triggers disabled.
                await using (var db = MigrationContext(app))
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    await db.Database.ExecuteSqlRawAsync("SELECT review_queue_recount()");
                    logger.LogInformation(
                        "Counted the review queue again in {Seconds:F1} s",
                        watch.Elapsed.TotalSeconds
                    );
                }

                return 0;

            case "verify-evidence":
                return await VerifyEvidenceAsync(scope.ServiceProvider, logger);

            default:
                await Console.Error.WriteLineAsync(
                    "usage: admin create-user ... | admin create-token ... | admin demo-accounts | admin "
                        + "refresh-candidates | admin recompute-figures [--all] | admin recount-queue"
                        + " | admin verify-evidence"
                );
                return 2;
        }
    }

    /// <summary>Re-hashes every stored evidence file; exit code 3 and an error line per file when any bytes
    /// changed or are missing (docs/rules/evidence.md, "Verification").</summary>
    private static async Task<int> VerifyEvidenceAsync(IServiceProvider services, ILogger logger)
    {
        var report = await services.GetRequiredService<EvidenceVerifier>().VerifyAllAsync(CancellationToken.None);
        foreach (var failure in report.Failures)
        {
            await Console.Out.WriteLineAsync(
                $"{failure.Result.ToString().ToUpperInvariant()} {failure.Sha256}"
                    + (failure.FoundSha256 is { } found ? $" (stored bytes hash to {found})" : "")
            );
        }

        foreach (var key in report.UnrecordedKeys)
        {
            await Console.Out.WriteLineAsync($"UNRECORDED {key} (stored, but no file record names it)");
        }

        logger.LogInformation(
            "Evidence verified: {Checked} files, {Intact} intact, {Failed} changed or missing, {Unrecorded} "
                + "unrecorded blobs",
            report.Checked,
            report.Intact,
            report.Failures.Count,
            report.UnrecordedKeys.Count
        );
        await Console.Out.WriteLineAsync(
            $"{report.Checked} files checked: {report.Intact} intact, {report.Failures.Count} changed or missing."
        );
        return report.Failures.Count == 0 ? 0 : 3;
    }

    /// <summary>Reads "--name value" pairs (repeatable) and bare flags; null when an argument is unknown or lacks its
    /// value.</summary>
    private static Dictionary<string, List<string>>? Options(string[] args, string[] withValue, string[] flags)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i]))
            {
                result[args[i]] = [];
            }
            else if (withValue.Contains(args[i]) && i + 1 < args.Length)
            {
                (result.TryGetValue(args[i], out var values) ? values : result[args[i]] = []).Add(args[++i]);
            }
            else
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>
    /// Waits for this command's turn to migrate: a session-level advisory lock named after the target
    /// database, taken in the server's maintenance database (the target may not exist yet), held
    /// until the returned connection is closed. Where the maintenance database is closed to the app's
    /// account, the lock is taken in the target database; where that does not exist either, the
    /// command goes on alone (and says so), as before.
    /// </summary>
    private static async Task<NpgsqlConnection?> MigrationTurnAsync(string connectionString, ILogger logger)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? target.Username ?? "";
        foreach (var database in new[] { "postgres", name })
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync();
                await using var wait = new NpgsqlCommand(
                    "SELECT pg_advisory_lock(hashtextextended('conflicttracker migrate ' || @name, 0))",
                    connection
                );
                wait.Parameters.AddWithValue("name", name);
                await wait.ExecuteNonQueryAsync();
                return connection;
            }
            catch (PostgresException e)
                when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege)
            {
                await connection.DisposeAsync();
            }
        }

        logger.LogWarning("Could not take the migration lock; migrating without waiting for other instances");
        return null;
    }

    /// <summary>
    /// The app's context, except that a failed connection is logged at Debug: Migrate first probes
    /// for the database, and on a new server that probe fails by design ("database does not exist")
    /// before Migrate creates it. A real failure still ends the command with its exception.
    /// </summary>
    private static AppDbContext MigrationContext(WebApplication app)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, app.Configuration.GetConnectionString(Database.ConnectionStringName)!);
        options
            .UseLoggerFactory(app.Services.GetRequiredService<ILoggerFactory>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
        return new AppDbContext(options.Options);
    }
}
