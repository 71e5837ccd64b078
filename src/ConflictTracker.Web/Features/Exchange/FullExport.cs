using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>What a restore did.</summary>
public sealed record RestoreResult(IReadOnlyDictionary<string, int> Rows);

/// <summary>
/// The whole database as JSON, and back into an empty instance (docs/import-export.md, "Full
/// export"). Every row of every data table is written as PostgreSQL sees it (ids, history, reviews,
/// candidates), in key order, so the same database always gives the same bytes and a restore loses
/// nothing. Accounts, API tokens and data-protection keys are not data and are left out; history
/// names people by e-mail address, so it survives without them.
/// </summary>
public sealed class FullExport(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public const string Format = "conflicttracker-full-export";
    public const int Version = 1;

    /// <summary>Data tables in an order that satisfies every foreign key; within a table, rows in key order.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "actors",
        "actor_aliases",
        "affiliations",
        "places",
        "propositions",
        "measures",
        "sources",
        "claims",
        "claim_places",
        "citations",
        "claim_relations",
        "flags",
        "contradiction_candidates",
        "change_history",
        "external_ids",
        "synonym_groups",
        "evidence_files",
        "attachments",
        "custody_events",
        "media_fingerprints",
        "media_matches",
    ];

    /// <summary>Tables whose ids PostgreSQL numbers (identity columns): restored with their ids, and their
    /// sequences moved past them.</summary>
    private static readonly IReadOnlyList<string> Numbered = ["change_history", "custody_events"];

    private const int BatchSize = 1000;

    public Task DemandAsync() => access.DemandAsync(Policies.Administer, "export or restore the whole database");

    /// <summary>
    /// Writes <c>[header, {"table": "actors", "rows": [...]}, ...]</c>: a JSON array, so a restore can
    /// read it one table at a time.
    /// </summary>
    public async Task WriteAsync(Stream output, CancellationToken cancellationToken) =>
        await WriteSnapshotAsync(output, cancellationToken);

    /// <summary>Writes the document, and returns the evidence files it names (read in the same snapshot).</summary>
    internal async Task<IReadOnlyList<BackupFile>> WriteSnapshotAsync(
        Stream output,
        CancellationToken cancellationToken
    )
    {
        await DemandAsync();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);

        // One snapshot for every table: the export is consistent even while others write.
        await using var transaction = await connection.BeginTransactionAsync(
            IsolationLevel.RepeatableRead,
            cancellationToken
        );
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("migration", (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Last());
        json.WriteEndObject();
        foreach (var table in Tables)
        {
            var columns = await ColumnsAsync(connection, table, cancellationToken);
            var key = await KeyAsync(connection, table, cancellationToken);
            json.WriteStartObject();
            json.WriteString("table", table);
            json.WriteStartArray("rows");
            await using (
                var command = new NpgsqlCommand(
                    $"SELECT row_to_json(t)::text FROM (SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)} ORDER BY {string.Join(", ", key.Select(Quote))}) t",
                    connection,
                    transaction
                )
            )
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                var count = 0;
                while (await reader.ReadAsync(cancellationToken))
                {
                    json.WriteRawValue(reader.GetString(0), skipInputValidation: true);
                    if (++count % BatchSize == 0)
                    {
                        await json.FlushAsync(cancellationToken);
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
        return await BackupFilesAsync(connection, transaction, cancellationToken);
    }

    /// <summary>
    /// Loads a full export into this instance, whose data tables must all be empty, in one
    /// transaction: all of it or nothing. Rows keep their ids; history keeps its authors and times.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(Stream input, CancellationToken cancellationToken)
    {
        await DemandAsync();
        return await RestoreRowsAsync(input, beforeCommit: null, cancellationToken);
    }

    /// <param name="beforeCommit">Runs after every row is written and before the transaction commits (the
    /// backup's files are stored there: a row never names bytes that are not stored).</param>
    internal async Task<RestoreResult> RestoreRowsAsync(
        Stream input,
        Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await RestoreCoreAsync(input, beforeCommit, cancellationToken);
        }
        catch (Exception ex)
            when ((ex is PostgresException or InvalidOperationException or FormatException or JsonException)
                && !DatabaseUnavailable.Is(ex)
            )
        {
            // A file that is not a faithful export: a clear refusal, and the transaction rolled back.
            throw new DomainValidationException("File", $"The file cannot be restored: {ex.Message.Split('\n')[0]}");
        }
    }

    private async Task<RestoreResult> RestoreCoreAsync(
        Stream input,
        Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken
    )
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two restores at once: the second waits here, then finds the tables no longer empty.
        await using (
            var lockTables = new NpgsqlCommand(
                $"LOCK TABLE {string.Join(", ", Tables.Select(Quote))} IN EXCLUSIVE MODE",
                connection,
                transaction
            )
        )
        {
            await lockTables.ExecuteNonQueryAsync(cancellationToken);
        }

        await EnsureEmptyAsync(connection, transaction, cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var expected = new Queue<string>(Tables);
        var first = true;
        await foreach (var section in Sections(input, cancellationToken))
        {
            if (first)
            {
                CheckHeader(section, await db.Database.GetAppliedMigrationsAsync(cancellationToken));
                first = false;
                continue;
            }

            var table = section["table"]?.GetValue<string>();
            if (
                table is null
                || !expected.TryDequeue(out var next)
                || next != table
                || section["rows"] is not JsonArray rows
            )
            {
                throw new DomainValidationException(
                    "File",
                    $"Expected the table '{expected.FirstOrDefault() ?? "(end)"}' next, found '{table ?? "(none)"}'."
                );
            }

            Known(section, table, "the section", SectionFields);
            var columns = await ColumnsAsync(connection, table, cancellationToken);
            var stored = columns.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                Known(
                    rows[i] as JsonObject
                        ?? throw new DomainValidationException("File", $"Row {i + 1} of {table} is not an object."),
                    table,
                    $"row {i + 1}",
                    stored
                );
            }

            var ordered = table == "citations" ? ParentsFirst(rows) : rows.Select(r => r!).ToList();
            foreach (var batch in ordered.Chunk(BatchSize))
            {
                var list = string.Join(", ", columns.Select(Quote));
                var overriding = Numbered.Contains(table) ? " OVERRIDING SYSTEM VALUE" : "";
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO {Quote(table)} ({list}){overriding} SELECT {list} FROM json_populate_recordset(NULL::{Quote(table)}, @rows::json)",
                    connection,
                    transaction
                );
                insert.Parameters.AddWithValue(
                    "rows",
                    new JsonArray(batch.Select(r => r.DeepClone()).ToArray()).ToJsonString()
                );
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            counts[table] = rows.Count;
        }

        if (first || expected.Count > 0)
        {
            throw new DomainValidationException(
                "File",
                $"The file ends before the table '{expected.FirstOrDefault()}'."
            );
        }

        // New history and custody rows continue after the restored ones.
        foreach (var table in Numbered)
        {
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    + $"GREATEST((SELECT max(id) FROM {Quote(table)}), 1))",
                connection,
                transaction
            );
            await sequence.ExecuteScalarAsync(cancellationToken);
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(cancellationToken);
        }

        await using (
            var notify = new NpgsqlCommand(
                $"SELECT pg_notify('{AppDbContext.ReviewQueueChannel}', '')",
                connection,
                transaction
            )
        )
        {
            await notify.ExecuteScalarAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RestoreResult(counts);
    }

    /// <summary>The evidence files of the snapshot the document was written from, by SHA-256.</summary>
    private static async Task<IReadOnlyList<BackupFile>> BackupFilesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            "SELECT sha256, size, preview_count, content_type, stored_at FROM evidence_files ORDER BY sha256",
            connection,
            transaction
        );
        var files = new List<BackupFile>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(
                new BackupFile(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4)
                )
            );
        }

        return files;
    }

    internal static async Task EnsureEmptyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        CancellationToken cancellationToken
    )
    {
        foreach (var table in Tables)
        {
            await using var any = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM {Quote(table)})",
                connection,
                transaction
            );
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new DomainValidationException(
                    "Database",
                    $"A full export goes into an empty instance; table {table} already has rows."
                );
            }
        }
    }

    private static readonly HashSet<string> HeaderFields = new(
        ["format", "version", "migration"],
        StringComparer.Ordinal
    );

    private static readonly HashSet<string> SectionFields = new(["table", "rows"], StringComparer.Ordinal);

    /// <summary>
    /// A property the format does not have is refused, not dropped: a file edited by hand or made by
    /// another version would otherwise lose data silently on the way in.
    /// </summary>
    private static void Known(JsonObject node, string table, string where, HashSet<string> names)
    {
        if (node.Select(p => p.Key).FirstOrDefault(key => !names.Contains(key)) is { } unknown)
        {
            throw new DomainValidationException(
                "File",
                $"'{unknown}' in {where} of {table} is not a field of this format; nothing was restored."
            );
        }
    }

    internal static void CheckHeader(JsonObject header, IEnumerable<string> migrations)
    {
        Known(header, "the file", "the header", HeaderFields);
        if (header["format"]?.GetValue<string>() != Format || header["version"]?.GetValue<int>() != Version)
        {
            throw new DomainValidationException(
                "File",
                $"This is not a ConflictTracker full export (format {Format}, version {Version})."
            );
        }

        var migration = header["migration"]?.GetValue<string>();
        if (migration != migrations.Last())
        {
            throw new DomainValidationException(
                "File",
                $"The export was made at schema {migration}; this instance is at {migrations.Last()}. Restore into an instance of the same version."
            );
        }
    }

    /// <summary>The file's top-level array, one element (header, then a table) at a time.</summary>
    internal static async IAsyncEnumerable<JsonObject> Sections(
        Stream input,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        IAsyncEnumerator<JsonObject?> sections;
        try
        {
            sections = JsonSerializer
                .DeserializeAsyncEnumerable<JsonObject>(input, cancellationToken: cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new DomainValidationException("File", $"The file is not valid JSON: {ex.Message}");
        }

        await using (sections)
        {
            while (true)
            {
                try
                {
                    if (!await sections.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (JsonException ex)
                {
                    throw new DomainValidationException("File", $"The file is not valid JSON: {ex.Message}");
                }

                yield return sections.Current
                    ?? throw new DomainValidationException("File", "A section of the file is null.");
            }
        }
    }

    /// <summary>Citations that derive from others go after them (a breadth-first walk from the roots).</summary>
    private static List<JsonNode> ParentsFirst(JsonArray rows)
    {
        var all = rows.Select(r => r!).ToList();
        var children = all.Where(r => r["derived_from_id"] is not null)
            .ToLookup(r => r["derived_from_id"]!.GetValue<string>());
        var ordered = new List<JsonNode>(all.Count);
        var next = new Queue<JsonNode>(all.Where(r => r["derived_from_id"] is null));
        while (next.TryDequeue(out var row))
        {
            ordered.Add(row);
            foreach (var child in children[row["id"]!.GetValue<string>()])
            {
                next.Enqueue(child);
            }
        }

        if (ordered.Count != all.Count)
        {
            throw new DomainValidationException("File", "Citations derive from citations that are not in the file.");
        }

        return ordered;
    }

    /// <summary>A table's stored columns (generated ones, like search vectors, are recomputed by PostgreSQL).</summary>
    private static async Task<List<string>> ColumnsAsync(
        NpgsqlConnection connection,
        string table,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position",
            connection
        );
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task<List<string>> KeyAsync(
        NpgsqlConnection connection,
        string table,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = @table::regclass AND i.indisprimary
            ORDER BY array_position(i.indkey, a.attnum)
            """,
            connection
        );
        command.Parameters.AddWithValue("table", table);
        var key = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            key.Add(reader.GetString(0));
        }

        return key;
    }

    private static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
