using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace ConflictTracker.Bench;

/// <summary>
/// Writes the measured part of docs/performance.md from the JSON the other commands left in
/// artifacts/bench: the machine, every target with its figure, ceiling and ratio, and the plans. The
/// hand-written part of the file (above <see cref="Marker"/>) is kept.
/// </summary>
internal static partial class Report
{
    public const string Marker = "<!-- Everything below is written by scripts/bench.sh run; edit above this line. -->";

    public static async Task WriteAsync(string connectionString, string folder, string output)
    {
        JsonElement Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name))).RootElement;
        var generate = Read("generate.json");
        var candidates = Read("candidates.json");
        var measure = Read("measure.json");
        var circuits = Read("circuits.json");
        var save = Read("save.json");
        var wrkApp = Wrk(File.ReadAllText(Path.Combine(folder, "wrk-app.txt")));
        var wrkRaw = Wrk(File.ReadAllText(Path.Combine(folder, "wrk-raw.txt")));

        await using var db = NpgsqlDataSource.Create(connectionString);
        async Task<string> Scalar(string sql)
        {
            await using var command = db.CreateCommand(sql);
            return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
        }

        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var cpu =
            File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':')[1]
                .Trim()
            ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Line(Marker);
        Line();
        Line($"## Results of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line();
        Line(
            $"- Machine: {Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1048576.0:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}"
        );
        Line(
            $"- Database: {await Scalar("SELECT split_part(version(), ' on ', 1)")}, {await Scalar("SELECT pg_size_pretty(pg_database_size(current_database()))")}; "
                + $"{Count(await Scalar("SELECT count(*) FROM claims"))} claims, {Count(await Scalar("SELECT count(*) FROM citations"))} citations, "
                + $"{Count(await Scalar("SELECT count(*) FROM actors"))} actors, {Count(await Scalar("SELECT count(*) FROM sources"))} sources, "
                + $"{Count(await Scalar("SELECT count(*) FROM propositions"))} propositions, {Count(await Scalar("SELECT count(*) FROM contradiction_candidates"))} contradiction candidates"
        );
        Line(
            "- App and database on the same machine, loopback; the client (benchmark, wrk, Chromium) too: all share the 2 cores."
        );
        Line();

        var searchFirst = measure.GetProperty("search.first");
        var searchDeep = measure.GetProperty("search.deep");
        var propositions = measure.GetProperty("propositions");
        Line("| Target | Measured | Ceiling (same work, raw) | Ratio | Met |");
        Line("|---|---|---|---|---|");
        SearchRow("Claim search, first page: p95 <= 50 ms, p99 <= 150 ms, app/raw <= 1.3", searchFirst);
        SearchRow("Claim search, deep keyset page (1,001st claim on): same targets", searchDeep);
        var throughputRatio = wrkApp.Rps / wrkRaw.Rps;
        Line(
            $"| GET one claim with authentication (wrk, 2 threads, 16 connections, 20 s): >= 60 % of the raw endpoint's requests/s | {wrkApp.Rps:N0} req/s (p50 {wrkApp.P50}, p99 {wrkApp.P99}){(wrkApp.Errors > 0 ? $", {wrkApp.Errors} non-2xx" : "")} | {wrkRaw.Rps:N0} req/s (p50 {wrkRaw.P50}, p99 {wrkRaw.P99}) | {throughputRatio:P0} | {Met(throughputRatio >= 0.6 && wrkApp.Errors == 0)} |"
        );
        var pp95 = propositions.GetProperty("app").GetProperty("p95").GetDouble();
        Line(
            $"| Proposition page aggregates (independent origins, candidates): p95 <= 100 ms | {Percentiles(propositions.GetProperty("app"))} | {Percentiles(propositions.GetProperty("raw"))} | {propositions.GetProperty("ratioP95").GetDouble():F2} | {Met(pp95 <= 100)} |"
        );
        var copyRate = generate.GetProperty("claimsPerSecond").GetDouble();
        Line(
            $"| Import through COPY, with index upkeep: >= 20,000 claims/s (1M in < 60 s) | {copyRate:N0} claims/s ({generate.GetProperty("claimsCopySeconds").GetDouble():F1} s for {generate.GetProperty("claimsCopied").GetInt32():N0}, {generate.GetProperty("claimsCopyConnections").GetInt32()} connections) | | | {Met(copyRate >= 20000)} |"
        );
        var saveRate = save.GetProperty("claimsPerSecond").GetDouble();
        Line(
            $"| The editor's save path, in batches of {save.GetProperty("batch").GetInt32()}: >= 2,000 claims/s | {saveRate:N0} claims/s ({save.GetProperty("claims").GetInt32():N0} claims in {save.GetProperty("seconds").GetDouble():F1} s, with history and candidates) | | | {Met(saveRate >= 2000)} |"
        );
        if (File.Exists(Path.Combine(folder, "queue.json")))
        {
            var queue = Read("queue.json");
            var open = queue.GetProperty("open");
            var arrival = queue.GetProperty("every kind, oldest first");
            var items = open.GetProperty("Total").GetInt32();
            var pairs = open.GetProperty("Candidates").GetInt32();
            var met = Met(arrival.GetProperty("p95").GetDouble() <= 50);
            Line(
                "| Review queue, first page on arrival (every kind, oldest first) over "
                    + $"{items:N0} open items ({pairs:N0} candidates), in the app's service: p95 <= 50 ms | "
                    + $"{Percentiles(arrival)} | | | {met} |"
            );
        }

        var perCircuit = circuits.GetProperty("bytesPerCircuit").GetDouble();
        Line(
            $"| Memory per circuit, {circuits.GetProperty("sessions").GetInt32()} Chromium sessions on the claims explorer, after a full GC: <= 1 MB | {perCircuit / 1024:N0} KB per circuit (heap {circuits.GetProperty("heapBeforeBytes").GetDouble() / 1048576:F1} MB → {circuits.GetProperty("heapAfterBytes").GetDouble() / 1048576:F1} MB) | | | {Met(perCircuit <= 1048576)} |"
        );
        Line();

        Line("### Search cases");
        Line();
        Line(
            "| Search | Matches | SQL statements | First page app p50 / p95 | raw p50 / p95 | Deep page app p50 / p95 | raw p50 / p95 |"
        );
        Line("|---|---|---|---|---|---|---|");
        var queries = measure.GetProperty("search.queries").EnumerateArray().ToList();
        var firstCases = searchFirst.GetProperty("cases").EnumerateArray().ToList();
        var deepCases = searchDeep.GetProperty("cases").EnumerateArray().ToList();
        for (var i = 0; i < queries.Count; i++)
        {
            var more = queries[i].TryGetProperty("moreThan", out var flag) && flag.GetBoolean() ? "more than " : "";
            Line(
                $"| `{queries[i].GetProperty("path").GetString()}` | {more}{queries[i].GetProperty("matches").GetInt32():N0} | {queries[i].GetProperty("statements").GetInt32()} | "
                    + $"{Pair(firstCases[i].GetProperty("app"))} | {Pair(firstCases[i].GetProperty("raw"))} | {Pair(deepCases[i].GetProperty("app"))} | {Pair(deepCases[i].GetProperty("raw"))} |"
            );
        }

        Line();
        Line("### Proposition pages");
        Line();
        Line("| Proposition | Size | SQL statements | app p50 / p95 / p99 | raw p50 / p95 / p99 |");
        Line("|---|---|---|---|---|");
        var pageCases = propositions.GetProperty("cases").EnumerateArray().ToList();
        var pageInfo = measure.GetProperty("propositions.pages").EnumerateArray().ToList();
        for (var i = 0; i < pageCases.Count; i++)
        {
            var size = pageInfo[i].GetProperty("size").GetInt32();
            var label = pageInfo[i].GetProperty("label").GetString();
            Line(
                $"| {label} | {size:N0} {(label == "most candidates" ? "open candidates" : "published claims")} | {pageInfo[i].GetProperty("statements").GetInt32()} | {Percentiles(pageCases[i].GetProperty("app"))} | {Percentiles(pageCases[i].GetProperty("raw"))} |"
            );
        }

        Line();
        Line("### Loading");
        Line();
        Line("| Step | Rows | Seconds |");
        Line("|---|---|---|");
        foreach (
            var property in generate.EnumerateObject().Where(p => p.Name.StartsWith("copy.", StringComparison.Ordinal))
        )
        {
            Line(
                $"| COPY {property.Name[5..]} | {property.Value.GetProperty("rows").GetInt32():N0} | {property.Value.GetProperty("seconds").GetDouble():F1} |"
            );
        }

        Line($"| VACUUM (ANALYZE) | | {generate.GetProperty("vacuumAnalyzeSeconds").GetDouble():F1} |");
        Line(
            $"| Contradiction candidates (`admin refresh-candidates`): {candidates.GetProperty("log").GetString()} | | {candidates.GetProperty("seconds").GetDouble():F1} |"
        );
        Line();
        Line(
            $"Save path batches: {Percentiles(save.GetProperty("batchMs"))} per batch of {save.GetProperty("batch").GetInt32()}."
        );
        Line();

        Line("### Plans (EXPLAIN ANALYZE, BUFFERS)");
        Line();
        Line(
            "The statements the app sent for the cases above, with its parameters, explained on the benchmark database after the run."
        );
        Line();
        foreach (var plan in measure.GetProperty("plans").EnumerateArray())
        {
            Line(
                $"<details><summary>{plan.GetProperty("group").GetString()}: <code>{plan.GetProperty("path").GetString()}</code>, {FirstLine(plan.GetProperty("sql").GetString()!)}</summary>"
            );
            Line();
            Line("```sql");
            Line(plan.GetProperty("sql").GetString()!);
            Line("-- " + string.Join("; ", plan.GetProperty("parameters").EnumerateArray().Select(p => p.GetString())));
            Line("```");
            Line("```");
            Line(plan.GetProperty("plan").GetString()!);
            Line("```");
            Line("</details>");
            Line();
        }

        var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# Performance\n\n";
        var at = existing.IndexOf(Marker, StringComparison.Ordinal);
        var head = at < 0 ? existing.TrimEnd() + "\n\n" : existing[..at];
        await File.WriteAllTextAsync(output, head + text);

        void SearchRow(string target, JsonElement figures)
        {
            var app = figures.GetProperty("app");
            var ratio = figures.GetProperty("ratioP95").GetDouble();
            var met =
                app.GetProperty("p95").GetDouble() <= 50 && app.GetProperty("p99").GetDouble() <= 150 && ratio <= 1.3;
            Line(
                $"| {target} | {Percentiles(app)} | {Percentiles(figures.GetProperty("raw"))} | p50 {figures.GetProperty("ratioP50").GetDouble():F2}, p95 {ratio:F2} | {Met(met)} |"
            );
        }
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Count(string value) =>
        long.Parse(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);

    private static string Percentiles(JsonElement p) =>
        $"p50 {p.GetProperty("p50").GetDouble():F1} / p95 {p.GetProperty("p95").GetDouble():F1} / p99 {p.GetProperty("p99").GetDouble():F1} ms";

    private static string Pair(JsonElement p) =>
        $"{p.GetProperty("p50").GetDouble():F1} / {p.GetProperty("p95").GetDouble():F1} ms";

    private static string FirstLine(string sql)
    {
        var line = sql.Split('\n').First(l => !string.IsNullOrWhiteSpace(l)).Trim();
        return System.Net.WebUtility.HtmlEncode(line.Length > 80 ? line[..80] + "…" : line);
    }

    private static (double Rps, string P50, string P99, int Errors) Wrk(string output)
    {
        string Percent(string p) => Regex.Match(output, $@"^\s*{p}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;
        return (rps, Percent("50"), Percent("99"), errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
