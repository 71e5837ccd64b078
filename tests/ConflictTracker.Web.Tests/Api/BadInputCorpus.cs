using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>
/// The requests of <see cref="BadInputCorpusTests"/>, generated from the OpenAPI document: a valid
/// example per write operation, each field made bad in turn by its schema, whole-body and file faults,
/// and bad values for every query parameter.
/// </summary>
internal static class BadInputCorpus
{
    /// <summary>A SHA-256 no stored file has.</summary>
    private const string NoFile = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");

    private static readonly Guid Nis = DemoIds.For("actor", "nis");

    private static readonly Guid SeedArticle = DemoIds.For("source", "seed-article");

    private static readonly Guid NisClaim = DemoIds.For("claim", "nis-1500-vladivostok");

    private static readonly Guid Vladivostok = DemoIds.For("place", "vladivostok");

    private static readonly Guid Budanov = DemoIds.For("claim", "budanov-11000-training");

    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");

    /// <param name="Field">The one body field made bad, when that is what the attempt tests: the refusal must name
    /// it.</param>
    internal sealed record Attempt(
        string Kind,
        HttpMethod Method,
        string Path,
        HttpContent? Content,
        bool IsWrite,
        string? IfMatch = null,
        string? Field = null
    );

    /// <summary>Every generated request: the document's write operations with mutated bodies, and its query parameters
    /// with bad values.</summary>
    public static async Task<List<Attempt>> AttemptsAsync(HttpClient admin, HttpClient editor, JsonElement openApi)
    {
        var examples = await ExamplesAsync(admin, editor);
        var attempts = new List<Attempt>();
        var missingExamples = new List<string>();
        foreach (
            var path in openApi
                .GetProperty("paths")
                .EnumerateObject()
                .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
        )
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (
                    operation.Value.ValueKind != JsonValueKind.Object
                    || !operation.Value.TryGetProperty("responses", out _)
                )
                {
                    continue;
                }

                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var id = operation.Value.TryGetProperty("operationId", out var name)
                    ? name.GetString()!
                    : $"{method} {path.Name}";
                if (method == HttpMethod.Get)
                {
                    attempts.AddRange(QueryAttempts(path.Name, operation.Value));
                    continue;
                }

                if (!examples.TryGetValue(id, out var example))
                {
                    missingExamples.Add(id);
                    continue;
                }

                attempts.AddRange(BodyAttempts(method, example, openApi, operation.Value));
            }
        }

        missingExamples.Should().BeEmpty("every write operation needs a valid example for the corpus to mutate");
        attempts.Add(
            new Attempt(
                "50 MB summary",
                HttpMethod.Post,
                "/api/v1/claims",
                Json(
                    new JsonObject
                    {
                        ["propositionId"] = Deployment,
                        ["actorId"] = Nis,
                        ["statedOn"] = "2024-11-02",
                        ["summary"] = new string('x', 50 * 1024 * 1024),
                        ["sourceId"] = SeedArticle,
                    }
                ),
                IsWrite: true
            )
        );
        return attempts;
    }

    /// <summary>A valid request for each write operation: its path with real ids, its If-Match, and a body that would
    /// be stored.</summary>
    private static async Task<
        Dictionary<string, (string Path, JsonObject? Body, string? IfMatch, string ContentType)>
    > ExamplesAsync(HttpClient admin, HttpClient editor)
    {
        async Task<string> ETagAsync(string path)
        {
            using var response = await admin.GetAsync(path);
            response.EnsureSuccessStatusCode();
            return response.Headers.ETag!.Tag;
        }

        async Task<(Guid Id, string Version)> FirstAsync(string path)
        {
            var list = JsonNode.Parse(await admin.GetStringAsync(path))!.AsArray();
            list.Should().NotBeEmpty($"{path} lists something in the demo data");
            return (list[0]!["id"]!.GetValue<Guid>(), $"\"{list[0]!["version"]!.GetValue<uint>()}\"");
        }

        var claimTag = await ETagAsync($"/api/v1/claims/{NisClaim}");
        var savedSearch = new JsonObject
        {
            ["name"] = $"Corpus {Guid.NewGuid():N}",
            ["query"] = "q=budanov",
            ["notify"] = true,
        };
        Guid searchId;
        using (var created = await admin.PostAsync("/api/v1/saved-searches", Json(savedSearch)))
        {
            created.EnsureSuccessStatusCode();
            searchId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        }

        var searchTag = await ETagAsync($"/api/v1/saved-searches/{searchId}");
        var actorTag = await ETagAsync($"/api/v1/actors/{Nis}");
        var sourceTag = await ETagAsync($"/api/v1/sources/{SeedArticle}");
        var propositionTag = await ETagAsync($"/api/v1/propositions/{Deployment}");
        // The demo data has no relations or flags: an editor proposes one of each, for the reviewer to decide.
        (
            await editor.PostAsync(
                "/api/v1/relations",
                Json(
                    new JsonObject
                    {
                        ["fromClaimId"] = NisClaim,
                        ["toClaimId"] = Budanov,
                        ["type"] = "Corroborates",
                        ["rationale"] = "Corpus set-up",
                    }
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await editor.PostAsync(
                "/api/v1/flags",
                Json(
                    new JsonObject
                    {
                        ["claimId"] = NisClaim,
                        ["relationId"] = null,
                        ["kind"] = "MissingSource",
                        ["comment"] = "Corpus set-up",
                    }
                )
            )
        ).EnsureSuccessStatusCode();
        var candidate = await FirstAsync("/api/v1/candidates?state=Open");
        // A pair of Peskov's grouped item other than the one the single-candidate examples use.
        var grouped = JsonNode
            .Parse(await admin.GetStringAsync("/api/v1/candidates?state=Open"))!
            .AsArray()
            .Select(c => c!)
            .Last(c =>
                c["rule"]!.GetValue<string>() == "OpposedStances"
                && c["id"]!.GetValue<Guid>() != candidate.Id
                && (c["firstClaimId"]!.GetValue<Guid>() == Peskov || c["secondClaimId"]!.GetValue<Guid>() == Peskov)
            );
        var relation = await FirstAsync("/api/v1/relations");
        var flag = await FirstAsync("/api/v1/flags");
        // An article intake with drafts to decide on.
        using var intakeCreated = await editor.PostAsync(
            "/api/v1/intake?store=true&title=Corpus%20article&publishedOn=2024-10-23",
            new StringContent(
                "Kremlin spokesman Dmitry Peskov said on Tuesday that the reports were fake news.",
                System.Text.Encoding.UTF8,
                "text/plain"
            )
        );
        intakeCreated.EnsureSuccessStatusCode();
        var intakeId = JsonNode.Parse(await intakeCreated.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var intakeTag = intakeCreated.Headers.ETag!.Tag;

        var statement = new JsonObject
        {
            ["propositionId"] = Deployment,
            ["actorId"] = Nis,
            ["newActor"] = null,
            ["onBehalfOfId"] = null,
            ["stance"] = "Affirms",
            ["summary"] = "The NIS says 1,500 soldiers were moved.",
            ["statedOn"] = "2024-10-18",
            ["eventStart"] = "2024-10-08",
            ["eventEnd"] = "2024-10-13",
            ["quoteText"] = "1,500 soldiers",
            ["quoteLanguage"] = "en",
            ["translation"] = null,
            ["translationLanguage"] = null,
            ["measureId"] = DemoIds.For("measure", "sent-to-russia"),
            ["quantityMin"] = 1500,
            ["quantityMax"] = 1500,
            ["quantityQualifier"] = "Exact",
            ["placeIds"] = new JsonArray(JsonValue.Create(Vladivostok)),
            ["status"] = "Published",
            ["sourceId"] = SeedArticle,
            ["newSource"] = null,
            ["citationRole"] = "Republication",
            ["citationQuote"] = null,
            ["citationLocator"] = null,
        };
        var actor = new JsonObject
        {
            ["name"] = "Corpus Agency",
            ["kind"] = "IntelligenceService",
            ["countryCode"] = "KR",
            ["description"] = null,
            ["reliability"] = null,
            ["isCollective"] = false,
        };
        var source = new JsonObject
        {
            ["kind"] = "Article",
            ["title"] = "Corpus report",
            ["url"] = "https://example.org/corpus",
            ["publisherId"] = null,
            ["publishedOn"] = "2024-10-20",
            ["retrievedOn"] = null,
            ["language"] = "en",
            ["archiveUrl"] = null,
            ["contentHash"] = null,
            ["reliability"] = null,
            ["newPublisher"] = null,
        };
        return new()
        {
            ["CreateSavedSearch"] = ("/api/v1/saved-searches", savedSearch, null, "application/json"),
            ["UpdateSavedSearch"] = ($"/api/v1/saved-searches/{searchId}", savedSearch, searchTag, "application/json"),
            ["CreateClaim"] = ("/api/v1/claims", statement, null, "application/json"),
            ["UpdateClaim"] = (
                $"/api/v1/claims/{NisClaim}",
                Without(statement, "sourceId", "newSource", "citationRole", "citationQuote", "citationLocator"),
                claimTag,
                "application/json"
            ),
            ["RetractClaim"] = (
                $"/api/v1/claims/{NisClaim}/retract",
                new JsonObject { ["reason"] = "A corpus test" },
                claimTag,
                "application/json"
            ),
            ["RestoreClaim"] = ($"/api/v1/claims/{NisClaim}/restore", null, claimTag, "application/json"),
            ["AddCitation"] = (
                "/api/v1/citations",
                new JsonObject
                {
                    ["claimId"] = NisClaim,
                    ["sourceId"] = DemoIds.For("source", "nis-2024-10-18"),
                    ["role"] = "Republication",
                    ["derivedFromId"] = null,
                    ["quote"] = null,
                    ["locator"] = null,
                },
                claimTag,
                "application/json"
            ),
            ["CreateActor"] = ("/api/v1/actors", actor, null, "application/json"),
            ["UpdateActor"] = ($"/api/v1/actors/{Nis}", actor, actorTag, "application/json"),
            ["CreateSource"] = ("/api/v1/sources", source, null, "application/json"),
            ["UpdateSource"] = ($"/api/v1/sources/{SeedArticle}", source, sourceTag, "application/json"),
            ["RetractSource"] = (
                $"/api/v1/sources/{SeedArticle}/retract",
                new JsonObject { ["reason"] = "A corpus test" },
                sourceTag,
                "application/json"
            ),
            ["CreateProposition"] = (
                "/api/v1/propositions",
                new JsonObject { ["statement"] = "A corpus proposition", ["description"] = null },
                null,
                "application/json"
            ),
            ["UpdateProposition"] = (
                $"/api/v1/propositions/{Deployment}",
                new JsonObject { ["statement"] = "A corpus proposition", ["description"] = null },
                propositionTag,
                "application/json"
            ),
            ["AddMeasure"] = (
                $"/api/v1/propositions/{Deployment}/measures",
                new JsonObject { ["name"] = "corpus measure", ["unit"] = "soldiers" },
                null,
                "application/json"
            ),
            ["AssessProposition"] = (
                $"/api/v1/propositions/{Deployment}/assessment",
                new JsonObject { ["assessment"] = "Likely", ["rationale"] = "A corpus test" },
                propositionTag,
                "application/json"
            ),
            ["ProposeRelation"] = (
                "/api/v1/relations",
                new JsonObject
                {
                    ["fromClaimId"] = NisClaim,
                    ["toClaimId"] = Budanov,
                    ["type"] = "Refines",
                    ["rationale"] = "A corpus test",
                },
                null,
                "application/json"
            ),
            ["ReviewRelation"] = (
                $"/api/v1/relations/{relation.Id}/review",
                new JsonObject { ["decision"] = "Dismissed", ["note"] = "A corpus test" },
                relation.Version,
                "application/json"
            ),
            ["RaiseFlag"] = (
                "/api/v1/flags",
                new JsonObject
                {
                    ["claimId"] = NisClaim,
                    ["relationId"] = null,
                    ["kind"] = "WeakSource",
                    ["comment"] = "A corpus test",
                },
                null,
                "application/json"
            ),
            ["CloseFlag"] = (
                $"/api/v1/flags/{flag.Id}/close",
                new JsonObject { ["outcome"] = "Resolved", ["resolution"] = "A corpus test" },
                flag.Version,
                "application/json"
            ),
            ["ConfirmCandidate"] = (
                $"/api/v1/candidates/{candidate.Id}/confirm",
                new JsonObject { ["note"] = "A corpus test" },
                candidate.Version,
                "application/json"
            ),
            ["DismissCandidate"] = (
                $"/api/v1/candidates/{candidate.Id}/dismiss",
                new JsonObject { ["reason"] = "A corpus test" },
                candidate.Version,
                "application/json"
            ),
            ["DecideCandidateGroup"] = (
                $"/api/v1/candidates/groups/{Peskov}/decision",
                new JsonObject
                {
                    ["decision"] = "Dismissed",
                    ["candidates"] = new JsonArray(
                        new JsonObject
                        {
                            ["id"] = grouped["id"]!.GetValue<Guid>(),
                            ["version"] = grouped["version"]!.GetValue<uint>(),
                        }
                    ),
                    ["note"] = "A corpus test",
                },
                null,
                "application/json"
            ),
            ["Import"] = ("/api/v1/import?type=actor", null, null, "text/csv"),
            ["RestoreFull"] = ("/api/v1/import/full", null, null, "application/json"),
            ["PreviewIntake"] = ("/api/v1/intake", null, null, "text/plain"),
            ["UploadAttachment"] = (
                $"/api/v1/sources/{SeedArticle}/attachments?fileName=photo.jpg",
                null,
                null,
                "application/octet-stream"
            ),
            ["VerifyEvidence"] = ($"/api/v1/evidence/{NoFile}/verify", null, null, "application/json"),
            ["QuarantineEvidence"] = (
                $"/api/v1/evidence/{NoFile}/quarantine",
                new JsonObject { ["reason"] = "A corpus test" },
                "\"1\"",
                "application/json"
            ),
            ["ReleaseEvidence"] = (
                $"/api/v1/evidence/{NoFile}/release",
                new JsonObject { ["reason"] = "A corpus test" },
                "\"1\"",
                "application/json"
            ),
            ["StartUpload"] = ("/api/v1/uploads", null, null, "application/offset+octet-stream"),
            ["AppendUpload"] = ($"/api/v1/uploads/{Guid.NewGuid()}", null, null, "application/offset+octet-stream"),
            ["CancelUpload"] = ($"/api/v1/uploads/{Guid.NewGuid()}", null, null, "application/json"),
            ["DecideIntakeDraft"] = (
                $"/api/v1/intake/{intakeId}/decisions",
                new JsonObject
                {
                    ["draft"] = 1,
                    ["decision"] = "Rejected",
                    ["note"] = "A corpus test",
                },
                intakeTag,
                "application/json"
            ),
        };
    }

    private static IEnumerable<Attempt> BodyAttempts(
        HttpMethod method,
        (string Path, JsonObject? Body, string? IfMatch, string ContentType) example,
        JsonElement openApi,
        JsonElement operation
    )
    {
        var (path, body, ifMatch, contentType) = example;
        Attempt Write(string kind, HttpContent? content, string? target = null, string? tag = null) =>
            new(kind, method, target ?? path, content, true, tag ?? ifMatch);

        // Whole-body faults, for every write.
        yield return Write("malformed JSON", Raw("{\"summary\": ", "application/json"));
        yield return Write("empty body", Raw("", "application/json"));
        yield return Write("JSON array for an object", Raw("[1, 2, 3]", "application/json"));
        yield return Write("deep nesting", Raw(new string('[', 5000) + new string(']', 5000), "application/json"));
        yield return Write("wrong content type", Raw(body?.ToJsonString() ?? "{}", "text/plain"));
        if (ReplaceIdInPath(path, Guid.Empty) != path)
        {
            yield return Write(
                "unknown record id in the path",
                body is null ? null : Json(body),
                ReplaceIdInPath(path, Guid.NewGuid())
            );
            yield return Write(
                "another record's id in the path",
                body is null ? null : Json(body),
                ReplaceIdInPath(path, Vladivostok)
            );
        }

        if (ifMatch is not null)
        {
            yield return Write("stale If-Match", body is null ? null : Json(body), tag: "\"1\"");
            yield return Write("malformed If-Match", body is null ? null : Json(body), tag: "W/\"not-a-version");
        }

        if (contentType != "application/json")
        {
            foreach (var attempt in FileAttempts(path))
            {
                yield return attempt with
                {
                    Method = method,
                };
            }

            yield break;
        }

        if (body is null)
        {
            yield break;
        }

        yield return Write("unknown field", Json(With(body, "summery", "typo")));
        var properties = SchemaProperties(openApi, operation);
        foreach (var name in body.Select(p => p.Key).ToList())
        {
            var schema = properties.TryGetValue(name, out var s) ? s : default;
            foreach (var (kind, value) in BadValues(name, schema))
            {
                yield return Write($"{name}: {kind}", Json(With(body, name, value))) with
                {
                    Field = name,
                };
            }

            if (method == HttpMethod.Put)
            {
                var without = (JsonObject)body.DeepClone();
                without.Remove(name);
                yield return Write($"{name}: left out of a PUT", Json(without)) with
                {
                    Field = name,
                };
            }
        }

        foreach (var (kind, changes) in CrossFieldFaults(body))
        {
            var changed = (JsonObject)body.DeepClone();
            foreach (var (name, value) in changes)
            {
                changed[name] = value?.DeepClone();
            }

            yield return Write(kind, Json(changed));
        }
    }

    /// <summary>Values a field must refuse, chosen by its schema (type, format, enum) and its name.</summary>
    private static IEnumerable<(string Kind, JsonNode? Value)> BadValues(string name, JsonElement schema)
    {
        var types = SchemaTypes(schema);
        var isEnum = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _);
        var isUuid =
            schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty("format", out var format)
            && format.GetString() == "uuid";
        if (isEnum)
        {
            yield return ("number for an enum", 99);
            yield return ("unknown enum name", "Sometimes");
            yield return ("enum name with NUL", "Affirms\u0000");
        }
        else if (isUuid)
        {
            yield return ("not an id", "not-a-guid");
            yield return ("unknown id", Guid.NewGuid().ToString());
            yield return (
                "another record's id",
                (name.Contains("place", StringComparison.OrdinalIgnoreCase) ? Nis : Vladivostok).ToString()
            );
            yield return ("id with NUL", "\u0000");
            yield return ("number for an id", 42);
        }
        else if (types.Contains("array"))
        {
            yield return ("null list", null);
            yield return ("list of non-ids", new JsonArray("x", 1, true));
            yield return ("object for a list", new JsonObject { ["a"] = 1 });
            yield return (
                "unknown ids",
                new JsonArray(
                    Enumerable.Range(0, 500).Select(_ => (JsonNode?)JsonValue.Create(Guid.NewGuid())).ToArray()
                )
            );
        }
        else if (types.Contains("number") || types.Contains("integer"))
        {
            yield return ("text for a number", "many");
            yield return ("huge number", JsonNode.Parse("1e400"));
            yield return ("negative number", -5);
            yield return ("too many digits", JsonNode.Parse("123456789012345678901234567890123"));
            yield return ("object for a number", new JsonObject());
        }
        else if (types.Contains("boolean"))
        {
            yield return ("text for a boolean", "yes");
        }
        else if (types.Contains("string"))
        {
            yield return ("100,000 characters", new string('a', 100_000));
            yield return ("NUL character", "before\u0000after");
            yield return ("control characters", "bell\u0007 and escape\u001b");
            yield return ("right-to-left override", "txt.\u202Eexe");
            yield return ("number for text", 12345);
            yield return ("list for text", new JsonArray("a"));
            if (name.Contains("url", StringComparison.OrdinalIgnoreCase))
            {
                yield return ("javascript: URL", "javascript:alert(1)");
                yield return ("relative URL", "/just/a/path");
            }

            if (
                name.Contains("On", StringComparison.Ordinal)
                || name.Contains("event", StringComparison.OrdinalIgnoreCase)
            )
            {
                yield return ("year 9999", "9999-12");
                yield return ("year 1", "0001-01-01");
                yield return ("impossible date", "2024-02-30");
                yield return ("date and time", "2024-10-18T10:00:00Z");
            }

            if (
                name.Contains("language", StringComparison.OrdinalIgnoreCase)
                || name.Contains("countryCode", StringComparison.OrdinalIgnoreCase)
                || name.Contains("contentHash", StringComparison.OrdinalIgnoreCase)
            )
            {
                yield return ("malformed code", "not a code!");
            }
        }
        else if (schema.ValueKind == JsonValueKind.Object)
        {
            yield return ("text for an object", "an object was expected");
            yield return ("object with unknown fields", new JsonObject { ["nonsense"] = true });
        }
    }

    /// <summary>Faults of several fields together: reversed periods, min above max, a figure without its
    /// measure.</summary>
    private static IEnumerable<(string Kind, (string Name, JsonNode? Value)[] Changes)> CrossFieldFaults(
        JsonObject body
    )
    {
        if (body.ContainsKey("eventStart"))
        {
            yield return ("reversed event period", [("eventStart", "2024-10-13"), ("eventEnd", "2024-10-08")]);
            yield return ("statement in the future", [("statedOn", "2199-01-01")]);
        }

        if (body.ContainsKey("quantityMin"))
        {
            yield return ("min above max", [("quantityMin", 2000), ("quantityMax", 1000)]);
            yield return ("figure without a measure", [("measureId", null)]);
            yield return (
                "actor and new actor",
                [
                    (
                        "newActor",
                        new JsonObject
                        {
                            ["name"] = "Somebody",
                            ["kind"] = "Person",
                            ["countryCode"] = null,
                        }
                    ),
                ]
            );
            yield return (
                "new source with a bad URL",
                [
                    ("sourceId", null),
                    (
                        "newSource",
                        new JsonObject
                        {
                            ["kind"] = "Article",
                            ["title"] = "t",
                            ["url"] = "javascript:alert(1)",
                            ["publisherId"] = null,
                            ["publishedOn"] = null,
                            ["language"] = null,
                            ["reliability"] = null,
                        }
                    ),
                ]
            );
            yield return (
                "nested unknown field",
                [
                    (
                        "newActor",
                        new JsonObject
                        {
                            ["name"] = "Somebody",
                            ["kind"] = "Person",
                            ["countryCode"] = null,
                            ["extra"] = 1,
                        }
                    ),
                    ("actorId", null),
                ]
            );
        }
    }

    /// <summary>Import endpoints read files: broken encodings, malformed CSV and JSON, wrong types.</summary>
    private static IEnumerable<Attempt> FileAttempts(string path)
    {
        var badUtf8 = new ByteArrayContent([.. "externalId,name,kind\nx1,Caf"u8, 0xC3, 0x28, .. ",Person\n"u8]);
        badUtf8.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        yield return new Attempt("invalid UTF-8", HttpMethod.Post, path, badUtf8, true);
        yield return new Attempt(
            "CSV with NUL",
            HttpMethod.Post,
            path,
            Raw("externalId,name,kind\nx1,Nul\u0000Name,Person\n", "text/csv"),
            true
        );
        yield return new Attempt(
            "CSV with unknown column",
            HttpMethod.Post,
            path,
            Raw("externalId,name,kind,colour\nx1,Name,Person,red\n", "text/csv"),
            true
        );
        yield return new Attempt(
            "CSV with bad enum",
            HttpMethod.Post,
            path,
            Raw("externalId,name,kind\nx1,Name,99\n", "text/csv"),
            true
        );
        yield return new Attempt(
            "CSV without a type",
            HttpMethod.Post,
            path.Split('?')[0],
            Raw("externalId,name,kind\nx1,Name,Person\n", "text/csv"),
            true
        );
        yield return new Attempt(
            "JSON with a bad date",
            HttpMethod.Post,
            path.Split('?')[0],
            Raw(
                "[{\"type\":\"source\",\"externalId\":\"s1\",\"kind\":\"Article\",\"title\":\"t\",\"publishedOn\":\"9999-12\"}]",
                "application/json"
            ),
            true
        );
        yield return new Attempt(
            "JSON with unknown field",
            HttpMethod.Post,
            path.Split('?')[0],
            Raw(
                "[{\"type\":\"actor\",\"externalId\":\"a1\",\"name\":\"n\",\"kind\":\"Person\",\"colour\":\"red\"}]",
                "application/json"
            ),
            true
        );
        yield return new Attempt(
            "restore with unknown field",
            HttpMethod.Post,
            path,
            Raw(
                "[{\"format\":\"conflicttracker-full\",\"version\":1,\"migration\":\"x\",\"extra\":1}]",
                "application/json"
            ),
            true
        );
        yield return new Attempt(
            "dryRun not a boolean",
            HttpMethod.Post,
            path + (path.Contains('?') ? "&" : "?") + "dryRun=perhaps",
            Raw("externalId,name,kind\n", "text/csv"),
            true
        );
    }

    /// <summary>Each query parameter of a GET with values it must refuse or treat as harmless text.</summary>
    private static IEnumerable<Attempt> QueryAttempts(string pathTemplate, JsonElement operation)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pathTemplate, "{[^}]+}", NisClaim.ToString());
        yield return new Attempt(
            "unknown id in the path",
            HttpMethod.Get,
            System.Text.RegularExpressions.Regex.Replace(pathTemplate, "{[^}]+}", Guid.NewGuid().ToString()),
            null,
            false
        );
        // A NUL in the path itself is refused by the server before the app sees it (Kestrel: 400); the
        // in-memory test server cannot even build such a request, so only query strings carry one here.
        if (!operation.TryGetProperty("parameters", out var parameters))
        {
            yield break;
        }

        var values = new[]
        {
            ("NUL", "%00"),
            ("NUL inside text", "abc%00def"),
            ("control character", "%07"),
            ("right-to-left override", "%E2%80%AE"),
            ("only punctuation", "%3F"),
            ("dash", "%E2%80%94"),
            ("ellipsis", "%E2%80%A6"),
            ("emoji", "%F0%9F%98%80"),
            ("10,000 characters", new string('a', 10_000)),
            ("huge number", "99999999999999999999"),
            ("negative number", "-1"),
            ("zero", "0"),
            ("number for an enum", "99"),
            ("not an id", "not-a-guid"),
            ("impossible date", "2024-02-30"),
            ("year 1", "0001-01-01"),
            ("year 9999", "9999-12-31"),
            ("SQL", "%27%3B%20DROP%20TABLE%20claims%3B--"),
            ("javascript: URL", "javascript%3Aalert(1)"),
            ("invalid UTF-8", "%C3%28"),
            ("search operators", "%22unclosed%20-%20OR%20%21"),
        };
        foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var (kind, value) in values)
            {
                yield return new Attempt(
                    $"{name}: {kind}",
                    HttpMethod.Get,
                    $"{path}?{Uri.EscapeDataString(name)}={value}",
                    null,
                    false
                );
            }
        }
    }

    private static Dictionary<string, JsonElement> SchemaProperties(JsonElement openApi, JsonElement operation)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (
            !operation.TryGetProperty("requestBody", out var requestBody)
            || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
        )
        {
            return result;
        }

        void Collect(JsonElement schema)
        {
            schema = Resolve(openApi, schema);
            if (schema.TryGetProperty("allOf", out var all))
            {
                foreach (var part in all.EnumerateArray())
                {
                    Collect(part);
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    result[property.Name] = Resolve(openApi, property.Value);
                }
            }
        }

        Collect(json.GetProperty("schema"));
        return result;
    }

    /// <summary>Follows a $ref, and picks the non-null branch of a nullable oneOf/anyOf.</summary>
    private static JsonElement Resolve(JsonElement openApi, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(openApi, openApi.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var choice in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(choice, out var options))
            {
                var real = options
                    .EnumerateArray()
                    .FirstOrDefault(o =>
                        !(
                            o.TryGetProperty("type", out var t)
                            && t.ValueKind == JsonValueKind.String
                            && t.GetString() == "null"
                        )
                    );
                if (real.ValueKind == JsonValueKind.Object)
                {
                    return Resolve(openApi, real);
                }
            }
        }

        return schema;
    }

    private static HashSet<string> SchemaTypes(JsonElement schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(type.GetString()!);
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                types.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
        }

        return types;
    }

    private static JsonObject Without(JsonObject body, params string[] names)
    {
        var copy = (JsonObject)body.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[name] = value?.DeepClone();
        return copy;
    }

    private static string ReplaceIdInPath(string path, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(
            path,
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            id.ToString()
        );

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static StringContent Raw(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);
}
