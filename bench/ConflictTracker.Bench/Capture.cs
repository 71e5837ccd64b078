using System.Data.Common;
using System.Diagnostics;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ConflictTracker.Bench;

/// <summary>One SQL statement as the app sent it: its text and its parameters, typed as EF typed them.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>Runs the statement through plain Npgsql and reads every column of every row, as the app's reader
    /// does.</summary>
    public async Task<int> RunAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        } while (await reader.NextResultAsync());
        return rows;
    }
}

/// <summary>
/// Records the SQL the app's own services send (through an EF interceptor), so the benchmark can run
/// exactly the same statements through raw Npgsql as the ceiling.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    private readonly AsyncLocal<List<CapturedCommand>?> current = new();

    public async Task<(T Result, List<CapturedCommand> Commands)> RecordAsync<T>(Func<Task<T>> action)
    {
        var commands = new List<CapturedCommand>();
        current.Value = commands;
        try
        {
            return (await action(), commands);
        }
        finally
        {
            current.Value = null;
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default
    )
    {
        Trace(command, eventData);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        Trace(command, eventData);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>With CT_BENCH_TRACE=1, prints every statement's duration (for finding where time goes).</summary>
    private static void Trace(DbCommand command, CommandExecutedEventData eventData)
    {
        if (Environment.GetEnvironmentVariable("CT_BENCH_TRACE") == "1")
        {
            Console.Error.WriteLine(
                $"{eventData.Duration.TotalMilliseconds, 8:F1} ms  {command.CommandText.Replace('\n', ' ')[..Math.Min(150, command.CommandText.Length)]}"
            );
        }
    }

    private void Record(DbCommand command) =>
        current.Value?.Add(
            new CapturedCommand(
                command.CommandText,
                command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList()
            )
        );

    /// <summary>A context factory configured as the app configures it, with this interceptor.</summary>
    public IDbContextFactory<AppDbContext> Factory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Web.Data.DatabaseOptions.Configure(options, connectionString);
        options.AddInterceptors(this);
        return new PooledDbContextFactory<AppDbContext>(options.Options);
    }
}

/// <summary>Latencies in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public static async Task<T> TimeAsync<T>(Latencies into, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        into.samples.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public object Summary() =>
        new
        {
            n = samples.Count,
            p50 = Math.Round(Percentile(50), 2),
            p95 = Math.Round(Percentile(95), 2),
            p99 = Math.Round(Percentile(99), 2),
            max = Math.Round(samples.Count == 0 ? double.NaN : samples.Max(), 2),
        };
}
