using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;
using Npgsql;
using Xunit.Abstractions;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>
/// A corpus of bad requests generated from the OpenAPI document: for every write route, each field of
/// its body is given values it must refuse (wrong types, null lists, numbers as enums, control and
/// direction-override characters, 100,000 characters, impossible dates, unknown and
/// other records' ids), plus whole-body faults (malformed, deeply nested, unknown fields, wrong media
/// type, 50 MB); for every query parameter, values it must refuse or treat as harmless. Every answer
/// must be below 500, every error problem+json, every 400 must name a field, and no row of any table
/// may be added or removed. A refusal of one bad field must name that field (or come before any field
/// is read: 404, 412, 413, 415, 428), so a request refused for some other reason does not pass for a
/// test of the field. A write route the corpus has no valid example for fails the test, so a new
/// endpoint joins the corpus. The app runs with a rate limit the corpus cannot reach: a 429 would hide
/// what the request itself gets.
/// </summary>
public class BadInputCorpusTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task NoBadRequestGetsA5xxOrAnUnclearAnswerOrStoresAnything()
    {
        await using var app = new AppFactory(
            fixture.Database.ConnectionString,
            new Dictionary<string, string?> { ["Api:RateLimit:PermitLimit"] = "1000000" }
        );
        using var admin = await app.TokenClientAsync(Roles.Admin);
        using var editor = await app.TokenClientAsync(Roles.Editor);
        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var attempts = await BadInputCorpus.AttemptsAsync(admin, editor, document.RootElement);
        var before = await RowCountsAsync();

        var failures = new List<string>();
        var (fiveHundreds, unclear, writesAccepted, misnamed) = (0, 0, 0, 0);
        var statuses = new SortedDictionary<int, int>();
        foreach (var attempt in attempts)
        {
            using var request = new HttpRequestMessage(attempt.Method, attempt.Path) { Content = attempt.Content };
            if (attempt.IfMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", attempt.IfMatch);
            }

            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var what = $"{attempt.Method} {Short(attempt.Path)} [{attempt.Kind}] -> {status}";
            if (status >= 500 || status == 429)
            {
                fiveHundreds++;
                failures.Add($"{what}: {Short(body)}");
            }
            else if (status >= 400 && !IsClearProblem(response, body, status))
            {
                unclear++;
                failures.Add($"{what} without a clear problem: {Short(body)}");
            }
            else if (status == 400 && attempt.Field is { } field && !NamesField(body, field))
            {
                misnamed++;
                failures.Add($"{what} does not name '{field}': {Short(body, 300)}");
            }
            else if (attempt.IsWrite && status < 400)
            {
                writesAccepted++;
                failures.Add(
                    $"{what}: a bad write was accepted: {Short(attempt.Content is null ? "" : await attempt.Content.ReadAsStringAsync(), 400)}"
                );
            }
        }

        var after = await RowCountsAsync();
        var changed = before
            .Where(t => after[t.Key] != t.Value)
            .Select(t => $"{t.Key}: {t.Value} -> {after[t.Key]}")
            .ToList();
        output.WriteLine(
            $"Bad-input corpus: {attempts.Count} requests ({attempts.Count(a => a.IsWrite)} writes), {fiveHundreds} 5xx or 429, {unclear} unclear, {misnamed} not naming the bad field, {writesAccepted} writes accepted, {changed.Count} tables changed."
        );
        output.WriteLine("By status: " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));

        attempts.Should().HaveCountGreaterThanOrEqualTo(300);
        failures
            .Should()
            .BeEmpty(
                "every bad request is refused clearly:\n"
                    + string.Join(
                        "\n",
                        failures.OrderBy(f => f.Contains("does not name", StringComparison.Ordinal)).Take(40)
                    )
            );
        changed.Should().BeEmpty("a refused request stores nothing");
    }

    private static bool IsClearProblem(HttpResponseMessage response, string body, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("title", out _))
        {
            return false;
        }

        // An import names each bad row (line, field, message) under "rows" instead of "errors".
        return status != 400
            || (
                problem.RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateObject().Any(e => e.Name.Length > 0)
            )
            || (
                problem.RootElement.TryGetProperty("rows", out var rows)
                && rows.GetArrayLength() > 0
                && rows.EnumerateArray()
                    .All(r => r.TryGetProperty("message", out var m) && m.GetString() is { Length: > 0 })
            );
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (
            var list = new NpgsqlCommand(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
                connection
            )
        )
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>
    /// Whether a 400 names the field that was made bad: as the client wrote it ("placeIds[0]"), as the
    /// domain names it ("QuoteText", "NewActor.Name"), or the part of a date or figure it belongs to.
    /// </summary>
    private static bool NamesField(string body, string field)
    {
        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("errors", out var errors))
        {
            return false;
        }

        static string Plain(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        var wanted = Plain(field);
        foreach (var error in errors.EnumerateObject())
        {
            // "Quote.Translation" names "translation", "RetractionReason" names "reason", "newActor.nonsense" names
            // "newActor".
            var whole = Plain(error.Name);
            var segments = error.Name.Split('.', '[').Select(Plain).Where(p => p.Length > 0).ToList();
            if (
                whole.StartsWith(wanted, StringComparison.Ordinal)
                || whole.EndsWith(wanted, StringComparison.Ordinal)
                || segments.Any(part => part == wanted || wanted.StartsWith(part, StringComparison.Ordinal))
                || FieldAliases.Any(a =>
                    a.Field == wanted && segments.Any(part => part.StartsWith(a.Named, StringComparison.Ordinal))
                )
            )
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fields whose fault the domain reports under the value they make up together.</summary>
    private static readonly (string Field, string Named)[] FieldAliases =
    [
        ("quantitymin", "quantity"),
        ("quantitymax", "quantity"),
        ("quantityqualifier", "quantity"),
        ("measureid", "quantity"),
        ("eventstart", "eventperiod"),
        ("eventend", "eventperiod"),
        ("quotelanguage", "quote"),
        ("translationlanguage", "translation"),
        ("reason", "decisionnote"),
        ("relationid", "claimid"),
    ];

    private static string Short(string text, int length = 160) => text.Length > length ? text[..length] + "…" : text;
}
