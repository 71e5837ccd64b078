using System.Text.Json;
using ConflictTracker.Bench;
using Npgsql;

// The benchmark behind docs/performance.md; scripts/bench.sh drives it. Each command prints what it
// measured and, with --results FILE, writes the figures as JSON for the report.
var command = args.FirstOrDefault();
var options = Options.Parse(args.Skip(1));
switch (command)
{
    case "generate":
    {
        await using var dataSource = NpgsqlDataSource.Create(options.Required("--connection"));
        var generator = new Generator(
            dataSource,
            options.Int("--claims", 1_000_000),
            options.Int("--seed", 20241018),
            options.Int("--connections", 2),
            Console.Out
        );
        var results = await generator.RunAsync(CancellationToken.None);
        await options.WriteResultsAsync(results);
        return 0;
    }

    case "measure":
    {
        // Search and proposition pages through the API, each against its raw-SQL ceiling.
        var measurements = new Measurements(
            options.Required("--connection"),
            new Uri(options.Required("--url")),
            options.Required("--token"),
            options.Int("--rounds", 100),
            Console.Out
        );
        await options.WriteResultsAsync(await measurements.SearchAndAggregatesAsync());
        return 0;
    }

    case "queue":
    {
        // The review queue's first page over every open item (docs/performance.md).
        await options.WriteResultsAsync(
            await QueueBench.RunAsync(options.Required("--connection"), options.Int("--rounds", 100), Console.Out)
        );
        return 0;
    }

    case "save":
    {
        var measurements = new Measurements(
            options.Required("--connection"),
            new Uri("http://unused"),
            "",
            0,
            Console.Out
        );
        await options.WriteResultsAsync(
            await measurements.SavePathAsync(options.Int("--claims", 20_000), options.Int("--batch", 500))
        );
        return 0;
    }

    case "circuits":
    {
        var results = await Circuits.RunAsync(
            new Uri(options.Required("--url")),
            options.Int("--pid", 0),
            options.Required("--email"),
            Environment.GetEnvironmentVariable("CT_BENCH_PASSWORD") ?? "",
            options.Int("--sessions", 50),
            options.Optional("--chromium") ?? "/usr/bin/chromium",
            options.Optional("--heap-report"),
            Console.Out
        );
        await options.WriteResultsAsync(results);
        return 0;
    }

    case "evidence":
    {
        // The evidence targets: the near-duplicate lookup (a database of its own, made afresh) and the upload.
        var evidence = new EvidenceBench(Console.Out);
        if (options.Int("--media", 100_000) > 0)
        {
            await evidence.LookupAsync(
                options.Required("--connection"),
                options.Optional("--database") ?? "conflicttracker_evidence",
                options.Int("--media", 100_000),
                options.Int("--lookups", 1_000),
                options.Int("--seed", 20241018)
            );
        }

        if (options.Int("--megabytes", 500) > 0)
        {
            await evidence.UploadAsync(
                options.Optional("--folder") ?? Path.Combine(Path.GetTempPath(), "conflicttracker-bench-evidence"),
                options.Int("--megabytes", 500),
                options.Int("--rounds", 3)
            );
        }

        await options.WriteResultsAsync(evidence.Results);
        if (options.Optional("--out") is { } output)
        {
            await EvidenceReport.WriteAsync(evidence.Results, options.Optional("--command") ?? "", output);
        }

        return 0;
    }

    case "report":
        await Report.WriteAsync(
            options.Required("--connection"),
            options.Required("--results"),
            options.Required("--out")
        );
        return 0;

    case "raw-server":
        await RawServer.RunAsync(options.Required("--connection"), options.Required("--url"));
        return 0;

    default:
        Console.Error.WriteLine(
            "usage: ConflictTracker.Bench generate|measure|save|circuits|evidence|raw-server|report --option value ... "
                + "(see scripts/bench.sh)"
        );
        return 2;
}

internal sealed class Options(Dictionary<string, string> values)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (key is null)
            {
                key = arg;
            }
            else
            {
                values[key] = arg;
                key = null;
            }
        }

        return new Options(values);
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var value)
            ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : fallback;

    public async Task WriteResultsAsync(object results)
    {
        if (Optional("--results") is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, Json));
        }
    }
}
