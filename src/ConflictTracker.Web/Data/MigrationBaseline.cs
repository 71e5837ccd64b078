using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Data;

/// <summary>
/// The baseline migration (docs/decisions/ADR-012): its script, and the step that moves a database
/// migrated by the fourteen migrations it replaced onto it without running anything.
/// </summary>
public static class MigrationBaseline
{
    public const string Id = "20261202130000_Baseline";

    /// <summary>The migrations the baseline replaced, oldest first: a database holding all of them has its
    /// schema.</summary>
    public static readonly IReadOnlyList<string> Replaced =
    [
        "20261128043315_Initial",
        "20261128044059_Search",
        "20261128125022_Identity",
        "20261128130204_DataProtectionKeys",
        "20261128152244_ReviewQueue",
        "20261128154734_ApiTokens",
        "20261128160317_ImportKeys",
        "20261128195332_ScaleIndexes",
        "20261128200358_CoveringIndexes",
        "20261128210402_CitationsBySourceCovering",
        "20261202035543_ApiTokenSecondFactor",
        "20261202040336_UserSessions",
        "20261202050533_DateRanges",
        "20261202071027_ArticleIntake",
    ];

    /// <summary>The schema script (Data/Migrations/Baseline.sql, embedded in the assembly).</summary>
    public static string Script()
    {
        using var stream =
            Assembly
                .GetExecutingAssembly()
                .GetManifestResourceStream("ConflictTracker.Web.Data.Migrations.Baseline.sql")
            ?? throw new InvalidOperationException("The baseline script is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Before <c>Migrate</c>: a database whose history holds every replaced migration gets the baseline
    /// in their place (one transaction), so Migrate finds it applied. One that holds only some of them
    /// was left half-way by an older version: it is refused with what to do. Any other database
    /// (new, or already on the baseline) is left alone. Returns whether the history was rewritten.
    /// </summary>
    public static async Task<bool> RebaseAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return false; // Migrate creates it.
        }

        var hasHistory = await db
            .Database.SqlQuery<bool>($"""SELECT to_regclass('__ef_migrations_history') IS NOT NULL AS "Value" """)
            .SingleAsync(cancellationToken);
        if (!hasHistory)
        {
            return false;
        }

        var history = await db
            .Database.SqlQuery<string>($"""SELECT migration_id AS "Value" FROM __ef_migrations_history""")
            .ToListAsync(cancellationToken);
        var replaced = history.Intersect(Replaced).Count();
        if (replaced == 0 || history.Contains(Id))
        {
            return false;
        }

        if (replaced < Replaced.Count)
        {
            throw new InvalidOperationException(
                $"This database was migrated by an older version up to {history.Max()}: migrate it with the version of "
                    + $"2 December 2026 (migration {Replaced[^1]}) first, then with this one."
            );
        }

        var replacedIds = Replaced.ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM __ef_migrations_history WHERE migration_id = ANY({replacedIds})",
            cancellationToken
        );
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ({Id}, {ProductVersion})",
            cancellationToken
        );
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string ProductVersion =>
        typeof(DbContext)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0]
        ?? "10.0";
}
