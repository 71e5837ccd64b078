using System.Diagnostics;
using System.Net.Http.Headers;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Claim = ConflictTracker.Domain.Claims.Claim;
using ClaimsIdentity = System.Security.Claims.ClaimsIdentity;
using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;
using ClaimTypes = System.Security.Claims.ClaimTypes;
using SecurityClaim = System.Security.Claims.Claim;

namespace ConflictTracker.Bench;

/// <summary>
/// The latency measurements of docs/performance.md. Each app figure is taken through the HTTP API (with
/// its token check, rate limiter and JSON), interleaved with its ceiling: the very SQL statements the
/// app sent for the same request, recorded once and replayed through plain Npgsql.
/// </summary>
internal sealed class Measurements(string connectionString, Uri app, string token, int rounds, TextWriter log)
{
    private readonly CommandCapture capture = new();
    private readonly Dictionary<string, object> results = [];

    public async Task<Dictionary<string, object>> SearchAndAggregatesAsync()
    {
        await using var raw = NpgsqlDataSource.Create(connectionString);
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var factory = capture.Factory(connectionString);
        var search = new ClaimSearchService(factory, new AllowAll());

        // Four searches of the kind analysts run: full text (a phrase, a place, a name) plus two filters.
        var (place, actor) = await CommonNamesAsync(raw);
        ClaimQuery[] queries =
        [
            new()
            {
                Text = "drone footage",
                Stances = [Stance.Affirms],
                StatedFrom = new DateOnly(2024, 1, 1),
            },
            new()
            {
                Text = place,
                Stances = [Stance.Affirms],
                StatedFrom = new DateOnly(2023, 1, 1),
            },
            new()
            {
                Text = actor,
                Stances = [Stance.Affirms, Stance.Hedges],
                HasQuantity = false,
            },
            new()
            {
                Text = "railway records",
                Stances = [Stance.Hedges],
                StatedTo = new DateOnly(2025, 12, 31),
            },
        ];

        var first = new List<Case>();
        var deep = new List<Case>();
        foreach (var query in queries)
        {
            var (page, commands) = await capture.RecordAsync(() => search.SearchAsync(query));
            first.Add(new Case(Uri(query), commands, page.Total));
            // A deep page: 40 pages of 25 in (the 1,001st to 1,025th claims), or the last page there is.
            var cursor = page.NextCursor;
            var depth = 1;
            while (cursor is not null && depth < 40)
            {
                var next = await search.SearchAsync(query with { After = cursor });
                cursor = next.NextCursor;
                depth++;
            }

            var deepQuery = query with { After = cursor ?? page.NextCursor };
            var (_, deepCommands) = await capture.RecordAsync(() => search.SearchAsync(deepQuery));
            deep.Add(new Case(Uri(deepQuery), deepCommands, page.Total));
            log.WriteLine(
                $"search \"{query.Text}\": {page.Total:N0} matches, deep page at {depth * 25:N0}, {commands.Count} statements"
            );
        }

        results["search.queries"] = first
            .Select(
                (c, i) =>
                    new
                    {
                        text = queries[i].Text,
                        matches = c.Matches,
                        moreThan = c.Matches >= ClaimSearchService.CountLimit,
                        statements = c.Commands.Count,
                        path = c.Path,
                    }
            )
            .ToList();
        await CompareAsync("search.first", first, http, raw);
        await CompareAsync("search.deep", deep, http, raw);
        var plans = new List<object>();
        await ExplainAsync(plans, "search, first page", first, raw);
        await ExplainAsync(plans, "search, deep page", deep, raw);

        // The proposition page's aggregates: the largest proposition, a contested one, a typical one.
        var details = new PropositionDetailsService(factory, new AllowAll());
        var pages = new List<Case>();
        foreach (
            var (label, sql) in new[]
            {
                (
                    "largest",
                    "SELECT proposition_id, count(*) FROM claims WHERE status = 'Published' GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
                ),
                (
                    "most candidates",
                    "SELECT proposition_id, count(*) FROM contradiction_candidates WHERE state = 'Open' GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
                ),
                (
                    "median",
                    "SELECT proposition_id, n FROM (SELECT proposition_id, count(*) AS n, row_number() OVER (ORDER BY count(*)) AS r, count(*) OVER () AS t FROM claims WHERE status = 'Published' GROUP BY 1) x WHERE r = t / 2"
                ),
            }
        )
        {
            await using var command = raw.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                continue;
            }

            var id = reader.GetGuid(0);
            var size = reader.GetInt64(1);
            var (found, commands) = await capture.RecordAsync(() => details.GetAsync(id));
            pages.Add(new Case($"/api/v1/propositions/{id}", commands, (int)size, label));
            log.WriteLine(
                $"proposition ({label}): {size:N0} {(label == "most candidates" ? "open candidates" : "published claims")}, {found?.OriginDocuments:N0} origin documents, {found?.IndependentVoices:N0} independent voices, {commands.Count} statements"
            );
        }

        results["propositions.pages"] = pages
            .Select(p => new
            {
                label = p.Label,
                size = p.Matches,
                statements = p.Commands.Count,
                path = p.Path,
            })
            .ToList();
        await CompareAsync("propositions", pages, http, raw);
        await ExplainAsync(plans, "proposition page", pages.Take(1), raw);
        results["plans"] = plans;
        return results;
    }

    private async Task CompareAsync(string name, List<Case> cases, HttpClient http, NpgsqlDataSource raw)
    {
        var appTimes = new Latencies();
        var rawTimes = new Latencies();
        var perCase = cases.ToDictionary(c => c, _ => (App: new Latencies(), Raw: new Latencies()));
        for (var round = -5; round < rounds; round++)
        {
            foreach (var c in cases)
            {
                var warmUp = round < 0;
                var appSample = warmUp ? new Latencies() : appTimes;
                var rawSample = warmUp ? new Latencies() : rawTimes;
                var watch = Stopwatch.StartNew();
                using (var response = await http.GetAsync(new Uri(c.Path, UriKind.Relative)))
                {
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{c.Path} answered {(int)response.StatusCode}");
                    }
                }

                var appMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await using (var connection = await raw.OpenConnectionAsync())
                {
                    foreach (var command in c.Commands)
                    {
                        await command.RunAsync(connection);
                    }
                }

                var rawMs = watch.Elapsed.TotalMilliseconds;
                if (!warmUp)
                {
                    appTimes.Add(appMs);
                    rawTimes.Add(rawMs);
                    perCase[c].App.Add(appMs);
                    perCase[c].Raw.Add(rawMs);
                }
            }
        }

        results[name] = new
        {
            app = appTimes.Summary(),
            raw = rawTimes.Summary(),
            ratioP50 = Math.Round(appTimes.Percentile(50) / rawTimes.Percentile(50), 2),
            ratioP95 = Math.Round(appTimes.Percentile(95) / rawTimes.Percentile(95), 2),
            cases = cases
                .Select(c => new
                {
                    path = c.Path,
                    label = c.Label,
                    app = perCase[c].App.Summary(),
                    raw = perCase[c].Raw.Summary(),
                })
                .ToList(),
        };
        log.WriteLine(
            $"{name, -16} app p50 {appTimes.Percentile(50), 7:F1} p95 {appTimes.Percentile(95), 7:F1} p99 {appTimes.Percentile(99), 7:F1} ms | raw p50 {rawTimes.Percentile(50), 7:F1} p95 {rawTimes.Percentile(95), 7:F1} p99 {rawTimes.Percentile(99), 7:F1} ms"
        );
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of every statement of the cases, with the parameters the app sent.</summary>
    private static async Task ExplainAsync(
        List<object> plans,
        string group,
        IEnumerable<Case> cases,
        NpgsqlDataSource raw
    )
    {
        foreach (var c in cases)
        {
            await using var connection = await raw.OpenConnectionAsync();
            foreach (var statement in c.Commands)
            {
                var explain = new CapturedCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql, statement.Parameters);
                await using var command = new NpgsqlCommand(explain.Sql, connection);
                foreach (var parameter in explain.Parameters)
                {
                    command.Parameters.Add(parameter.Clone());
                }

                var lines = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        lines.Add(reader.GetString(0));
                    }
                }

                plans.Add(
                    new
                    {
                        group,
                        path = c.Path,
                        sql = statement.Sql,
                        parameters = statement
                            .Parameters.Select(p => $"{p.ParameterName} = {Describe(p.Value)}")
                            .ToList(),
                        plan = string.Join('\n', lines),
                    }
                );
            }
        }
    }

    private static string Describe(object? value) =>
        value switch
        {
            null => "null",
            string s => $"'{s}'",
            System.Collections.IEnumerable items => "{"
                + string.Join(", ", items.Cast<object>().Take(5))
                + (items.Cast<object>().Count() > 5 ? ", ..." : "")
                + "}",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };

    /// <summary>The editor's save path: new claims through the app's context (validation, history, contradiction
    /// candidates), in batches.</summary>
    public async Task<Dictionary<string, object>> SavePathAsync(int total, int batch)
    {
        var factory = capture.Factory(connectionString);
        List<Guid> propositionIds;
        List<Guid> actorIds;
        Dictionary<Guid, decimal> centres;
        await using (var db = await factory.CreateDbContextAsync())
        {
            propositionIds = await db
                .Claims.GroupBy(c => c.PropositionId)
                .OrderByDescending(g => g.Count())
                .Select(g => g.Key)
                .Take(50)
                .ToListAsync();
            actorIds = await db
                .Actors.Where(a => a.Kind == Domain.Actors.ActorKind.Person)
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(200)
                .ToListAsync();
            // New figures agree with what is already said (within their margins), as most reports do.
            centres = await db
                .Claims.Where(c =>
                    c.MeasureId != null && c.Quantity != null && propositionIds.Contains(c.PropositionId)
                )
                .GroupBy(c => c.MeasureId!.Value)
                .Select(g => new { g.Key, Centre = g.Average(c => c.Quantity!.Min) })
                .ToDictionaryAsync(g => g.Key, g => g.Centre);
        }

        var random = new Random(7);
        var watch = Stopwatch.StartNew();
        var saved = 0;
        var batches = new Latencies();
        while (saved < total)
        {
            await Latencies.TimeAsync(
                batches,
                async () =>
                {
                    await using var db = await factory.CreateDbContextAsync();
                    db.ChangedBy = "bench@bench.example";
                    var propositions = await db
                        .Propositions.Include(p => p.Measures)
                        .Where(p => propositionIds.Contains(p.Id))
                        .ToListAsync();
                    var actors = await db.Actors.Where(a => actorIds.Contains(a.Id)).ToListAsync();
                    for (var i = 0; i < batch; i++)
                    {
                        var proposition = propositions[random.Next(propositions.Count)];
                        var measure = proposition.Measures.FirstOrDefault();
                        var day = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
                        var claim = Claim.Create(
                            new NewClaim(
                                proposition,
                                actors[random.Next(actors.Count)],
                                PartialDate.Create(day, DatePrecision.Day),
                                Stance.Affirms,
                                $"Benchmark claim {saved + i}: troops were seen moving near the border."
                            )
                            {
                                Status = ClaimStatus.Published,
                                Measure = measure,
                                Quantity = measure is null
                                    ? null
                                    : Quantity.Create(
                                        Math.Round(
                                            centres.GetValueOrDefault(measure.Id, 1000m)
                                                * (0.97m + 0.06m * (decimal)random.NextDouble())
                                        ),
                                        null,
                                        QuantityQualifier.Approximately
                                    ),
                            },
                            DateTimeOffset.UtcNow
                        );
                        db.Claims.Add(claim);
                    }

                    var built = Stopwatch.StartNew();
                    await db.SaveChangesAsync();
                    if (Environment.GetEnvironmentVariable("CT_BENCH_TRACE") == "1")
                    {
                        Console.Error.WriteLine($"save of {batch}: {built.Elapsed.TotalMilliseconds:F0} ms");
                    }

                    return 0;
                }
            );
            saved += batch;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        log.WriteLine(
            $"save path: {saved:N0} claims in batches of {batch} in {seconds:F1} s ({saved / seconds:N0} claims/s)"
        );
        return new Dictionary<string, object>
        {
            ["claims"] = saved,
            ["batch"] = batch,
            ["seconds"] = Math.Round(seconds, 2),
            ["claimsPerSecond"] = Math.Round(saved / seconds),
            ["batchMs"] = batches.Summary(),
        };
    }

    private static async Task<(string Place, string Actor)> CommonNamesAsync(NpgsqlDataSource raw)
    {
        await using var command = raw.CreateCommand(
            "SELECT (SELECT p.name FROM claim_places cp JOIN places p ON p.id = cp.place_id GROUP BY p.name ORDER BY count(*) DESC LIMIT 1), "
                + "(SELECT a.name FROM claims c JOIN actors a ON a.id = c.asserted_by_id WHERE a.kind = 'Person' GROUP BY a.name ORDER BY count(*) DESC LIMIT 1)"
        );
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var actor = reader.GetString(1);
        return (reader.GetString(0), actor.Split(' ')[^1]);
    }

    private static string Uri(ClaimQuery query) => "/api/v1" + ClaimQueryString.ToUri(query);

    private sealed record Case(string Path, List<CapturedCommand> Commands, int Matches, string? Label = null);

    /// <summary>Read access for the in-process services that record the SQL: authorisation is measured through the
    /// API.</summary>
    private sealed class AllowAll : IAccess
    {
        public Task<ClaimsPrincipal> UserAsync() =>
            Task.FromResult(
                new ClaimsPrincipal(new ClaimsIdentity([new SecurityClaim(ClaimTypes.Name, "bench")], "bench"))
            );

        public Task<bool> AllowsAsync(string policy) => Task.FromResult(true);

        public Task DemandAsync(string policy, string operation) => Task.CompletedTask;
    }
}
