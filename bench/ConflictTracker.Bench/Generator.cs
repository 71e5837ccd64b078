using System.Diagnostics;
using System.Text.Json;
using Bogus;
using Npgsql;
using NpgsqlTypes;

namespace ConflictTracker.Bench;

/// <summary>
/// Synthetic data in the shape a long war leaves: a few propositions and actors carry most claims, most
/// figures agree within their margins, a few propositions are contested. Rows are built in memory from
/// a seeded random generator (the same seed gives the same data) and loaded with PostgreSQL's binary
/// COPY into a migrated database, with its indexes, constraints and generated columns in place.
/// </summary>
internal sealed class Generator(NpgsqlDataSource dataSource, int claimCount, int seed, int parallelism, TextWriter log)
{
    private const string Author = "bench generator";
    private static readonly DateOnly FirstDay = new(2022, 2, 24);
    private static readonly DateOnly LastDay = new(2026, 10, 31);

    private static readonly string[] Units = ["Brigade", "Regiment", "Division", "Army Corps"];
    private static readonly string[] Services =
    [
        "Intelligence Directorate",
        "Security Service",
        "Defence Intelligence",
    ];

    private readonly Random random = new(seed);
    private readonly Dictionary<string, object> results = [];

    private readonly List<ActorRow> actors = [];
    private readonly List<(Guid Id, Guid ActorId, string Name, string? Language)> aliases = [];
    private readonly List<Guid> outlets = [];
    private readonly List<Guid> organisations = [];
    private readonly List<SourceRow> sources = [];
    private readonly List<(Guid Id, string Name, string Country)> places = [];
    private readonly List<PropositionRow> propositions = [];
    private readonly List<MeasureRow> measures = [];
    private readonly List<ClaimRow> claims = [];
    private readonly List<CitationRow> citations = [];
    private readonly List<(Guid ClaimId, Guid PlaceId)> claimPlaces = [];

    public int Actors => Math.Max(200, claimCount / 50);

    public int Sources => Math.Max(1000, claimCount / 10);

    public int Propositions => Math.Max(50, claimCount / 500);

    public int Places => Math.Max(50, claimCount / 1000);

    public async Task<Dictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var build = Stopwatch.StartNew();
        BuildActors();
        BuildPlaces();
        BuildSources();
        BuildPropositions();
        BuildClaims();
        log.WriteLine(
            $"Built {claims.Count:N0} claims, {citations.Count:N0} citations, {actors.Count:N0} actors, {sources.Count:N0} sources in memory in {build.Elapsed.TotalSeconds:F1} s"
        );

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Copy(
            connection,
            "actors",
            "COPY actors (id, name, kind, country_code, reliability) FROM STDIN (FORMAT BINARY)",
            actors,
            (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Uuid);
                w.Write(a.Name, NpgsqlDbType.Varchar);
                w.Write(a.Kind, NpgsqlDbType.Varchar);
                Nullable(w, a.Country, NpgsqlDbType.Varchar);
                Nullable(w, a.Reliability, NpgsqlDbType.Varchar);
            }
        );
        await Copy(
            connection,
            "actor_aliases",
            "COPY actor_aliases (id, actor_id, name, language) FROM STDIN (FORMAT BINARY)",
            aliases,
            (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Uuid);
                w.Write(a.ActorId, NpgsqlDbType.Uuid);
                w.Write(a.Name, NpgsqlDbType.Varchar);
                Nullable(w, a.Language, NpgsqlDbType.Varchar);
            }
        );
        await Copy(
            connection,
            "sources",
            "COPY sources (id, kind, title, url, publisher_id, language, reliability, status, retraction_reason, published_on, published_on_precision) FROM STDIN (FORMAT BINARY)",
            sources,
            (w, s) =>
            {
                w.Write(s.Id, NpgsqlDbType.Uuid);
                w.Write(s.Kind, NpgsqlDbType.Varchar);
                w.Write(s.Title, NpgsqlDbType.Varchar);
                w.Write(s.Url, NpgsqlDbType.Varchar);
                w.Write(s.PublisherId, NpgsqlDbType.Uuid);
                w.Write(s.Language, NpgsqlDbType.Varchar);
                Nullable(w, s.Reliability, NpgsqlDbType.Varchar);
                w.Write(s.RetractionReason is null ? "Active" : "Retracted", NpgsqlDbType.Varchar);
                Nullable(w, s.RetractionReason, NpgsqlDbType.Varchar);
                w.Write(s.PublishedOn, NpgsqlDbType.Date);
                w.Write("Day", NpgsqlDbType.Varchar);
            }
        );
        await Copy(
            connection,
            "places",
            "COPY places (id, name, country_code) FROM STDIN (FORMAT BINARY)",
            places,
            (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Name, NpgsqlDbType.Varchar);
                w.Write(p.Country, NpgsqlDbType.Varchar);
            }
        );
        await Copy(
            connection,
            "propositions",
            "COPY propositions (id, statement, assessment) FROM STDIN (FORMAT BINARY)",
            propositions,
            (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Statement, NpgsqlDbType.Varchar);
                w.Write("Unverified", NpgsqlDbType.Varchar);
            }
        );
        await Copy(
            connection,
            "measures",
            "COPY measures (id, proposition_id, name, unit) FROM STDIN (FORMAT BINARY)",
            measures,
            (w, m) =>
            {
                w.Write(m.Id, NpgsqlDbType.Uuid);
                w.Write(m.PropositionId, NpgsqlDbType.Uuid);
                w.Write(m.Name, NpgsqlDbType.Varchar);
                w.Write(m.Unit, NpgsqlDbType.Varchar);
            }
        );

        // The figure the issue asks for: claims through COPY, with every index, constraint and generated
        // column (the full-text vector) kept up to date as rows arrive.
        // Two connections in parallel: PostgreSQL works out one COPY stream on one core.
        var claimWatch = Stopwatch.StartNew();
        var streams = Math.Max(1, parallelism);
        await Task.WhenAll(
            Enumerable
                .Range(0, streams)
                .Select(async part =>
                {
                    await using var own = await dataSource.OpenConnectionAsync(cancellationToken);
                    var share = claims.Where((_, i) => i % streams == part).ToList();
                    await Copy(
                        own,
                        $"claims ({part + 1}/{streams})",
                        ClaimRow.CopyCommand,
                        share,
                        (w, c) => c.Write(w)
                    );
                })
        );
        var claimSeconds = claimWatch.Elapsed.TotalSeconds;
        log.WriteLine(
            $"COPY claims: {claims.Count:N0} rows in {claimSeconds:F1} s over {streams} connections ({claims.Count / claimSeconds:N0} claims/s)"
        );
        results["claimsCopyConnections"] = streams;
        results["claimsCopied"] = claims.Count;
        results["claimsCopySeconds"] = Math.Round(claimSeconds, 2);
        results["claimsPerSecond"] = Math.Round(claims.Count / claimSeconds);

        await Copy(
            connection,
            "citations",
            "COPY citations (id, claim_id, source_id, role, locator, derived_from_id) FROM STDIN (FORMAT BINARY)",
            citations,
            (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Uuid);
                w.Write(c.ClaimId, NpgsqlDbType.Uuid);
                w.Write(c.SourceId, NpgsqlDbType.Uuid);
                w.Write(c.Role, NpgsqlDbType.Varchar);
                Nullable(w, c.Locator, NpgsqlDbType.Varchar);
                NullableValue(w, c.DerivedFromId, NpgsqlDbType.Uuid);
            }
        );
        await Copy(
            connection,
            "claim_places",
            "COPY claim_places (claim_id, place_id) FROM STDIN (FORMAT BINARY)",
            claimPlaces,
            (w, p) =>
            {
                w.Write(p.ClaimId, NpgsqlDbType.Uuid);
                w.Write(p.PlaceId, NpgsqlDbType.Uuid);
            }
        );
        await CopyReviewData(connection);

        // History: every generated claim gets its "Created" record, as if an editor had entered it.
        var at = DateTimeOffset.UtcNow;
        await Copy(
            connection,
            "change_history",
            "COPY change_history (entity_type, entity_id, action, changed_by, changed_at, changes) FROM STDIN (FORMAT BINARY)",
            claims,
            (w, c) =>
            {
                w.Write("Claim", NpgsqlDbType.Varchar);
                w.Write(c.Id, NpgsqlDbType.Uuid);
                w.Write("Created", NpgsqlDbType.Varchar);
                w.Write(Author, NpgsqlDbType.Varchar);
                w.Write(at, NpgsqlDbType.TimestampTz);
                w.Write(
                    JsonSerializer.Serialize(
                        new Dictionary<string, object?>
                        {
                            ["Summary"] = new { after = c.Summary, before = (string?)null },
                            ["Stance"] = new { after = c.Stance, before = (string?)null },
                            ["Status"] = new { after = c.Status, before = (string?)null },
                        }
                    ),
                    NpgsqlDbType.Jsonb
                );
            }
        );

        var vacuum = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        results["vacuumAnalyzeSeconds"] = Math.Round(vacuum.Elapsed.TotalSeconds, 1);
        log.WriteLine($"VACUUM (ANALYZE) in {vacuum.Elapsed.TotalSeconds:F1} s");
        results["actors"] = actors.Count;
        results["aliases"] = aliases.Count;
        results["sources"] = sources.Count;
        results["propositions"] = propositions.Count;
        results["measures"] = measures.Count;
        results["places"] = places.Count;
        results["citations"] = citations.Count;
        results["claimPlaces"] = claimPlaces.Count;
        results["seed"] = seed;
        return results;
    }

    private async Task<double> Copy<T>(
        NpgsqlConnection connection,
        string name,
        string command,
        IReadOnlyList<T> rows,
        Action<NpgsqlBinaryImporter, T> write
    )
    {
        var watch = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync(command))
        {
            importer.Timeout = TimeSpan.Zero;
            foreach (var row in rows)
            {
                importer.StartRow();
                write(importer, row);
            }

            await importer.CompleteAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        log.WriteLine(
            $"COPY {name, -16} {rows.Count, 10:N0} rows in {seconds, 6:F1} s ({rows.Count / seconds, 9:N0} rows/s)"
        );
        lock (results)
        {
            results[$"copy.{name}"] = new { rows = rows.Count, seconds = Math.Round(seconds, 2) };
        }
        return seconds;
    }

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static void NullableValue<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>0 .. n-1, with small values far more likely: a power above 1 skews towards the head.</summary>
    private int Skewed(int n, double power) => Math.Min(n - 1, (int)(n * Math.Pow(random.NextDouble(), power)));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double p) => random.NextDouble() < p;

    private string Grade() =>
        random.NextDouble() switch
        {
            < 0.05 => "A",
            < 0.30 => "B",
            < 0.65 => "C",
            < 0.85 => "D",
            < 0.95 => "E",
            _ => "F",
        };

    private void BuildActors()
    {
        Randomizer.Seed = new Random(seed);
        var english = new Faker("en");
        var suffixes = new[]
        {
            "News",
            "Times",
            "Daily",
            "TV",
            "Post",
            "Radio",
            "Monitor",
            "Herald",
            "Telegraph",
            "Wire",
        };
        for (var i = 0; i < Actors; i++)
        {
            var share = (double)i / Actors;
            var (kind, name) = share switch
            {
                < 0.10 => ("MediaOutlet", $"{english.Address.City()} {Pick(suffixes)}"),
                < 0.15 => (
                    "GovernmentBody",
                    $"Ministry of {english.Commerce.Department()} of {english.Address.Country()}"
                ),
                < 0.18 => ("Military", $"{english.Random.Number(1, 250)}th {Pick(Units)}"),
                < 0.19 => ("IntelligenceService", $"{english.Address.Country()} {Pick(Services)}"),
                < 0.20 => ("InternationalBody", $"{english.Company.CompanyName()} Monitoring Mission"),
                < 0.22 => ("ResearchOrganisation", $"{english.Company.CompanyName()} Institute"),
                _ => ("Person", english.Name.FullName()),
            };
            var actor = new ActorRow(
                Guid.CreateVersion7(),
                name,
                kind,
                Pick(Vocabulary.Countries),
                kind == "MediaOutlet" ? Grade() : null
            );
            actors.Add(actor);
            if (kind == "MediaOutlet")
            {
                outlets.Add(actor.Id);
            }
            else if (kind != "Person")
            {
                organisations.Add(actor.Id);
            }

            // Other scripts: what analysts type when the name reached them through Russian, Ukrainian or Korean media.
            var names = new HashSet<string>(StringComparer.Ordinal) { name };
            void Alias(string alias, string? language)
            {
                if (names.Add(alias))
                {
                    aliases.Add((Guid.CreateVersion7(), actor.Id, alias, language));
                }
            }

            if (kind == "Person" && Chance(0.35))
            {
                Alias(Names.ToCyrillic(name), Chance(0.5) ? "ru" : "uk");
            }

            if (kind == "Person" && Chance(0.15))
            {
                Alias(Names.ToHangul(name), "ko");
            }

            if (kind == "Person" && Chance(0.10))
            {
                var parts = name.Split(' ');
                Alias($"{parts[0][0]}. {parts[^1]}", null);
            }
        }
    }

    private void BuildSources()
    {
        var kinds = new[]
        {
            "Article",
            "Article",
            "Article",
            "Article",
            "Video",
            "SocialPost",
            "SocialPost",
            "OfficialStatement",
            "Interview",
            "Report",
        };
        var languages = new[] { "en", "en", "en", "uk", "ru", "ko" };
        for (var i = 0; i < Sources; i++)
        {
            var publisher = outlets[Skewed(outlets.Count, 2.0)];
            // Headlines name places and people as well as the common words of the war: a title
            // vocabulary as varied as real ones (the full-text statistics depend on it).
            var words = Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Pick(Vocabulary.HeadlineWords)).ToList();
            words.Insert(random.Next(words.Count), places[Skewed(places.Count, 1.5)].Name);
            if (Chance(0.3))
            {
                words.Add(actors[Skewed(actors.Count, 2.5)].Name.Split(' ')[^1]);
            }

            var title = string.Join(' ', words);
            title = char.ToUpperInvariant(title[0]) + title[1..];
            var published = FirstDay.AddDays(random.Next(LastDay.DayNumber - FirstDay.DayNumber));
            sources.Add(
                new SourceRow(
                    Guid.CreateVersion7(),
                    Pick(kinds),
                    title,
                    $"https://outlet{outlets.IndexOf(publisher)}.example/{published:yyyy/MM}/{i}",
                    publisher,
                    Pick(languages),
                    Chance(0.2) ? Grade() : null,
                    Chance(0.005) ? Pick(Vocabulary.RetractionReasons) : null,
                    published
                )
            );
        }
    }

    private void BuildPlaces()
    {
        var english = new Faker("en");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (places.Count < Places)
        {
            var name = english.Address.City();
            var country = Pick(Vocabulary.Countries);
            if (seen.Add($"{name}|{country}"))
            {
                places.Add((Guid.CreateVersion7(), name, country));
            }
        }
    }

    private void BuildPropositions()
    {
        for (var i = 0; i < Propositions; i++)
        {
            var place = Pick(places).Name;
            var month = FirstDay.AddDays(random.Next(LastDay.DayNumber - FirstDay.DayNumber));
            var statement =
                $"{Pick(Vocabulary.Subjects)} {Pick(Vocabulary.Verbs)} {place} in {month:MMMM yyyy} (case {i + 1})";
            // Contested propositions (some claims deny them, some figures are far off) sit in the long tail:
            // the opposed-stance rule pairs every denial with every affirmation (docs/performance.md).
            var contested = i >= Propositions / 2 && i % 20 == 0;
            var own = new List<MeasureRow>();
            if (Chance(0.6))
            {
                foreach (var m in Vocabulary.Measures.OrderBy(_ => random.Next()).Take(Chance(0.25) ? 2 : 1))
                {
                    var center = m.Low + random.Next(m.High - m.Low);
                    own.Add(new MeasureRow(Guid.CreateVersion7(), Guid.Empty, m.Name, m.Unit, center));
                }
            }

            var proposition = new PropositionRow(Guid.CreateVersion7(), statement, contested, []);
            foreach (var m in own)
            {
                var measure = m with { PropositionId = proposition.Id };
                measures.Add(measure);
                proposition.Measures.Add(measure);
            }

            propositions.Add(proposition);
        }
    }

    private void BuildClaims()
    {
        var span = LastDay.DayNumber - FirstDay.DayNumber;
        var quoteLanguages = new[] { "en", "en", "ru", "uk", "ko" };
        for (var i = 0; i < claimCount; i++)
        {
            var proposition = propositions[Skewed(propositions.Count, 2.0)];
            var actor = actors[Skewed(actors.Count, 2.5)];
            Guid? onBehalfOf =
                actor.Kind == "Person" && Chance(0.3) ? organisations[Skewed(organisations.Count, 2.0)] : null;
            var stance = random.NextDouble() switch
            {
                < 0.08 when proposition.Contested => "Denies",
                < 0.78 => "Affirms",
                < 0.91 => "Hedges",
                _ => "Neutral",
            };

            var day = FirstDay.AddDays(random.Next(span));
            var (stated, precision) = random.NextDouble() switch
            {
                < 0.92 => (day, "Day"),
                < 0.98 => (new DateOnly(day.Year, day.Month, 1), "Month"),
                _ => (new DateOnly(day.Year, 1, 1), "Year"),
            };
            var recorded = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(
                random.Next(60 * 24 * 3)
            );

            DateOnly? eventStart = null,
                eventEnd = null;
            if (Chance(0.5))
            {
                eventStart = day.AddDays(-random.Next(30));
                eventEnd = eventStart.Value.AddDays(random.Next(15));
            }

            MeasureRow? measure = null;
            decimal? value = null;
            string? qualifier = null;
            if (proposition.Measures.Count > 0 && Chance(0.45))
            {
                measure = Pick(proposition.Measures);
                (qualifier, value) = random.NextDouble() switch
                {
                    < 0.03 when proposition.Contested => ("Approximately", Math.Round(measure.Center * 3m)),
                    < 0.70 => (
                        "Approximately",
                        Math.Round(measure.Center * (0.96m + (decimal)random.NextDouble() * 0.08m))
                    ),
                    < 0.90 => ("AtLeast", Math.Round(measure.Center * 0.85m)),
                    _ => ("Exact", (decimal)measure.Center),
                };
            }

            var place = places[Skewed(places.Count, 1.5)];
            var summary =
                $"{Pick(Vocabulary.Subjects)} {Pick(Vocabulary.Verbs)} {place.Name} {Pick(Vocabulary.Attributions)}."
                + (measure is null ? "" : $" About {value:N0} {measure.Unit} were involved.");

            string? quoteLanguage = null,
                quote = null,
                translation = null;
            if (Chance(0.35))
            {
                quoteLanguage = Pick(quoteLanguages);
                var words = quoteLanguage switch
                {
                    "ru" => Vocabulary.Russian,
                    "uk" => Vocabulary.Ukrainian,
                    "ko" => Vocabulary.Korean,
                    _ => null,
                };
                var english =
                    $"Our {Pick(Vocabulary.HeadlineWords)} near {place.Name} {Pick(Vocabulary.Verbs)} the {Pick(Vocabulary.HeadlineWords)} overnight.";
                quote = words is null
                    ? english
                    : string.Join(' ', Enumerable.Range(0, 6 + random.Next(6)).Select(_ => Pick(words))) + ".";
                translation = words is null ? null : english;
            }

            var status = random.NextDouble() switch
            {
                < 0.95 => "Published",
                < 0.97 => "Draft",
                < 0.99 => "InReview",
                _ => "Retracted",
            };

            var claim = new ClaimRow(
                Guid.CreateVersion7(recorded),
                proposition.Id,
                actor.Id,
                onBehalfOf,
                stance,
                summary,
                measure?.Id,
                value,
                qualifier,
                status,
                status == "Retracted" ? Pick(Vocabulary.RetractionReasons) : null,
                Chance(0.25) ? (short)(1 + Skewed(6, 1.3)) : null,
                recorded,
                stated,
                precision,
                eventStart,
                eventEnd,
                quoteLanguage,
                quote,
                translation
            );
            claims.Add(claim);
            proposition.Claims.Add(claims.Count - 1);

            // The chain a claim reaches us by: its origin, sometimes a first report of it, sometimes a republication.
            var used = new HashSet<Guid>();
            Guid NextSource()
            {
                Guid id;
                do
                {
                    id = sources[Skewed(sources.Count, 1.5)].Id;
                } while (!used.Add(id));
                return id;
            }

            var origin = new CitationRow(Guid.CreateVersion7(), claim.Id, NextSource(), "Origin", null, null);
            citations.Add(origin);
            var parent = origin;
            if (Chance(0.3))
            {
                parent = new CitationRow(
                    Guid.CreateVersion7(),
                    claim.Id,
                    NextSource(),
                    "FirstReport",
                    $"para. {1 + random.Next(12)}",
                    origin.Id
                );
                citations.Add(parent);
            }

            if (Chance(0.2))
            {
                citations.Add(
                    new CitationRow(Guid.CreateVersion7(), claim.Id, NextSource(), "Republication", null, parent.Id)
                );
            }

            if (Chance(0.25))
            {
                claimPlaces.Add((claim.Id, place.Id));
                var second = places[Skewed(places.Count, 1.5)];
                if (second.Id != place.Id && Chance(0.2))
                {
                    claimPlaces.Add((claim.Id, second.Id));
                }
            }
        }
    }

    /// <summary>Relations between claims of one proposition and flags on claims: what reviewers leave behind.</summary>
    private async Task CopyReviewData(NpgsqlConnection connection)
    {
        var types = new[] { "Repeats", "Repeats", "Corroborates", "Corroborates", "Refines", "Contradicts" };
        var pairs = new HashSet<(Guid, Guid, string)>();
        var relations =
            new List<(Guid Id, Guid From, Guid To, string Type, string State, int Proposer, DateTimeOffset At)>();
        while (relations.Count < claimCount / 50)
        {
            var proposition = propositions[Skewed(propositions.Count, 2.0)];
            if (proposition.Claims.Count < 2)
            {
                continue;
            }

            var from = claims[Pick(proposition.Claims)];
            var to = claims[Pick(proposition.Claims)];
            var type = Pick(types);
            if (from.Id == to.Id || !pairs.Add((from.Id, to.Id, type)))
            {
                continue;
            }

            var state = random.NextDouble() switch
            {
                < 0.5 => "Proposed",
                < 0.9 => "Confirmed",
                _ => "Dismissed",
            };
            relations.Add(
                (Guid.CreateVersion7(), from.Id, to.Id, type, state, random.Next(20), from.RecordedAt.AddDays(1))
            );
        }

        await Copy(
            connection,
            "claim_relations",
            "COPY claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, proposed_at, state, reviewed_by, reviewed_at, review_note) FROM STDIN (FORMAT BINARY)",
            relations,
            (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Uuid);
                w.Write(r.From, NpgsqlDbType.Uuid);
                w.Write(r.To, NpgsqlDbType.Uuid);
                w.Write(r.Type, NpgsqlDbType.Varchar);
                w.Write("Same wording and the same numbers.", NpgsqlDbType.Varchar);
                w.Write($"editor{r.Proposer}@bench.example", NpgsqlDbType.Varchar);
                w.Write(r.At, NpgsqlDbType.TimestampTz);
                w.Write(r.State, NpgsqlDbType.Varchar);
                var decided = r.State != "Proposed";
                Nullable(w, decided ? $"reviewer{r.Proposer}@bench.example" : null, NpgsqlDbType.Varchar);
                NullableValue(w, decided ? r.At.AddDays(2) : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz);
                Nullable(w, r.State == "Dismissed" ? "Different events." : null, NpgsqlDbType.Varchar);
            }
        );

        var kinds = new[]
        {
            "Contradiction",
            "MissingSource",
            "WeakSource",
            "Misattribution",
            "Duplicate",
            "TranslationNeeded",
            "Other",
        };
        var flags = Enumerable
            .Range(0, claimCount / 100)
            .Select(_ =>
            {
                var claim = claims[random.Next(claims.Count)];
                var status = random.NextDouble() switch
                {
                    < 0.6 => "Open",
                    < 0.85 => "Resolved",
                    _ => "Dismissed",
                };
                return (
                    Id: Guid.CreateVersion7(),
                    Claim: claim.Id,
                    Kind: Pick(kinds),
                    Comment: Pick(Vocabulary.FlagComments),
                    Status: status,
                    At: claim.RecordedAt.AddDays(3)
                );
            })
            .ToList();
        await Copy(
            connection,
            "flags",
            "COPY flags (id, claim_id, kind, comment, status, raised_by, raised_at, closed_by, closed_at, resolution) FROM STDIN (FORMAT BINARY)",
            flags,
            (w, f) =>
            {
                w.Write(f.Id, NpgsqlDbType.Uuid);
                w.Write(f.Claim, NpgsqlDbType.Uuid);
                w.Write(f.Kind, NpgsqlDbType.Varchar);
                w.Write(f.Comment, NpgsqlDbType.Varchar);
                w.Write(f.Status, NpgsqlDbType.Varchar);
                w.Write("analyst@bench.example", NpgsqlDbType.Varchar);
                w.Write(f.At, NpgsqlDbType.TimestampTz);
                var closed = f.Status != "Open";
                Nullable(w, closed ? "reviewer@bench.example" : null, NpgsqlDbType.Varchar);
                NullableValue(w, closed ? f.At.AddDays(1) : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz);
                Nullable(w, closed ? "Checked against the source." : null, NpgsqlDbType.Varchar);
            }
        );
    }

    private sealed record ActorRow(Guid Id, string Name, string Kind, string? Country, string? Reliability);

    private sealed record SourceRow(
        Guid Id,
        string Kind,
        string Title,
        string Url,
        Guid PublisherId,
        string Language,
        string? Reliability,
        string? RetractionReason,
        DateOnly PublishedOn
    );

    private sealed record PropositionRow(Guid Id, string Statement, bool Contested, List<MeasureRow> Measures)
    {
        public List<int> Claims { get; } = [];
    }

    private sealed record MeasureRow(Guid Id, Guid PropositionId, string Name, string Unit, int Center);

    private sealed record CitationRow(
        Guid Id,
        Guid ClaimId,
        Guid SourceId,
        string Role,
        string? Locator,
        Guid? DerivedFromId
    );

    private sealed record ClaimRow(
        Guid Id,
        Guid PropositionId,
        Guid AssertedById,
        Guid? OnBehalfOfId,
        string Stance,
        string Summary,
        Guid? MeasureId,
        decimal? Quantity,
        string? Qualifier,
        string Status,
        string? RetractionReason,
        short? Credibility,
        DateTimeOffset RecordedAt,
        DateOnly StatedOn,
        string StatedOnPrecision,
        DateOnly? EventStart,
        DateOnly? EventEnd,
        string? QuoteLanguage,
        string? Quote,
        string? Translation
    )
    {
        public const string CopyCommand =
            "COPY claims (id, proposition_id, asserted_by_id, on_behalf_of_id, stance, summary, measure_id, quantity_min, quantity_max, "
            + "quantity_qualifier, status, retraction_reason, credibility, recorded_at, stated_on, stated_on_precision, event_start, "
            + "event_start_precision, event_end, event_end_precision, quote_language, quote_text, quote_translation, quote_translation_language) "
            + "FROM STDIN (FORMAT BINARY)";

        public void Write(NpgsqlBinaryImporter w)
        {
            w.Write(Id, NpgsqlDbType.Uuid);
            w.Write(PropositionId, NpgsqlDbType.Uuid);
            w.Write(AssertedById, NpgsqlDbType.Uuid);
            NullableValue(w, OnBehalfOfId, NpgsqlDbType.Uuid);
            w.Write(Stance, NpgsqlDbType.Varchar);
            w.Write(Summary, NpgsqlDbType.Varchar);
            NullableValue(w, MeasureId, NpgsqlDbType.Uuid);
            NullableValue(w, Quantity, NpgsqlDbType.Numeric);
            NullableValue(w, Quantity, NpgsqlDbType.Numeric);
            Nullable(w, Qualifier, NpgsqlDbType.Varchar);
            w.Write(Status, NpgsqlDbType.Varchar);
            Nullable(w, RetractionReason, NpgsqlDbType.Varchar);
            NullableValue(w, Credibility, NpgsqlDbType.Smallint);
            w.Write(RecordedAt, NpgsqlDbType.TimestampTz);
            w.Write(StatedOn, NpgsqlDbType.Date);
            w.Write(StatedOnPrecision, NpgsqlDbType.Varchar);
            NullableValue(w, EventStart, NpgsqlDbType.Date);
            Nullable(w, EventStart is null ? null : "Day", NpgsqlDbType.Varchar);
            NullableValue(w, EventEnd, NpgsqlDbType.Date);
            Nullable(w, EventEnd is null ? null : "Day", NpgsqlDbType.Varchar);
            Nullable(w, QuoteLanguage, NpgsqlDbType.Varchar);
            Nullable(w, Quote, NpgsqlDbType.Varchar);
            Nullable(w, Translation, NpgsqlDbType.Varchar);
            Nullable(w, Translation is null ? null : "en", NpgsqlDbType.Varchar);
        }
    }
}
