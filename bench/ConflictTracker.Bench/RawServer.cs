using System.Text.Json;
using Npgsql;

namespace ConflictTracker.Bench;

/// <summary>
/// The ceiling for "GET one claim": a minimal endpoint that reads what <c>GET /api/v1/claims/{id}</c>
/// returns (the claim with its speaker, proposition and measure, its citations with their sources and
/// publishers, places, relations and open flags) in one round trip (an Npgsql batch), and writes it as
/// JSON with no framework in between. No authentication, no rate limit, no EF.
/// </summary>
internal static class RawServer
{
    private const string ClaimSql = """
        SELECT c.id, c.summary, c.stance, c.status, c.retraction_reason, c.credibility, c.credibility_note, c.stated_on, c.stated_on_precision,
               c.event_start, c.event_end, c.quote_text, c.quote_language, c.quote_translation, c.quantity_min, c.quantity_max, c.quantity_qualifier,
               a.id, a.name, b.id, b.name, p.id, p.statement, m.name, m.unit, c.recorded_at, c.xmin
        FROM claims c JOIN actors a ON a.id = c.asserted_by_id JOIN propositions p ON p.id = c.proposition_id
        LEFT JOIN actors b ON b.id = c.on_behalf_of_id LEFT JOIN measures m ON m.id = c.measure_id
        WHERE c.id = $1
        """;

    private const string CitationsSql = """
        SELECT ci.id, ci.role, ci.derived_from_id, s.id, s.title, s.kind, s.url, s.published_on, s.reliability, pub.id, pub.name, pub.reliability, ci.quote, ci.locator
        FROM citations ci JOIN sources s ON s.id = ci.source_id LEFT JOIN actors pub ON pub.id = s.publisher_id
        WHERE ci.claim_id = $1
        """;

    private const string PlacesSql =
        "SELECT p.id, p.name FROM claim_places cp JOIN places p ON p.id = cp.place_id WHERE cp.claim_id = $1 ORDER BY p.name";

    private const string RelationsSql = """
        SELECT r.id, r.type, r.state, r.from_claim_id = $1, o.id, a.name, o.summary, r.rationale, r.proposed_by, r.reviewed_by
        FROM claim_relations r JOIN claims o ON o.id = CASE WHEN r.from_claim_id = $1 THEN r.to_claim_id ELSE r.from_claim_id END
        JOIN actors a ON a.id = o.asserted_by_id
        WHERE (r.from_claim_id = $1 OR r.to_claim_id = $1) AND r.state <> 'Dismissed' ORDER BY r.type, r.proposed_at
        """;

    private const string FlagsSql =
        "SELECT f.id, f.kind, f.comment, f.raised_by, f.raised_at FROM flags f WHERE f.claim_id = $1 AND f.status = 'Open' ORDER BY f.raised_at";

    private static readonly string[] Statements = [ClaimSql, CitationsSql, PlacesSql, RelationsSql, FlagsSql];
    private static readonly string[] Parts = ["citations", "places", "relations", "flags"];

    public static async Task RunAsync(string connectionString, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        var app = builder.Build();
        app.MapGet(
            "/claims/{id:guid}",
            async (Guid id, NpgsqlDataSource db, HttpResponse response) =>
            {
                await using var batch = db.CreateBatch();
                foreach (var sql in Statements)
                {
                    batch.BatchCommands.Add(
                        new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter { Value = id } } }
                    );
                }

                await using var reader = await batch.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                {
                    response.StatusCode = 404;
                    return;
                }

                response.ContentType = "application/json";
                await using var json = new Utf8JsonWriter(response.BodyWriter.AsStream());
                json.WriteStartObject();
                json.WriteStartArray("claim");
                WriteRow(json, reader);
                json.WriteEndArray();
                foreach (var part in Parts)
                {
                    await reader.NextResultAsync();
                    json.WriteStartArray(part);
                    while (await reader.ReadAsync())
                    {
                        WriteRow(json, reader);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                await json.FlushAsync();
            }
        );
        await app.RunAsync();
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartArray();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
                continue;
            }

            switch (reader.GetValue(i))
            {
                case string s:
                    json.WriteStringValue(s);
                    break;
                case Guid g:
                    json.WriteStringValue(g);
                    break;
                case bool b:
                    json.WriteBooleanValue(b);
                    break;
                case decimal d:
                    json.WriteNumberValue(d);
                    break;
                case short n:
                    json.WriteNumberValue(n);
                    break;
                case uint n:
                    json.WriteNumberValue(n);
                    break;
                case DateTime t:
                    json.WriteStringValue(t);
                    break;
                case DateOnly d:
                    json.WriteStringValue(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case var other:
                    json.WriteStringValue(other.ToString());
                    break;
            }
        }

        json.WriteEndArray();
    }
}
