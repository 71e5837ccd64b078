using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Eval;

public sealed record GoldFigure(decimal Min, decimal? Max, QuantityQualifier Qualifier);

public sealed record GoldAttribution(
    string Speaker,
    string? OnBehalfOf,
    string Span,
    string? Quote,
    Stance Stance,
    GoldFigure? Figure,
    string? StatedOn,
    string? Proposition,
    CitationRole CitationRole,
    string? Claim
);

public sealed record GoldArticle(
    string Title,
    string? Publisher,
    string? Published,
    IReadOnlyList<GoldAttribution> Attributions
)
{
    [JsonIgnore]
    public string Name { get; init; } = string.Empty;

    [JsonIgnore]
    public string Text { get; init; } = string.Empty;
}

/// <summary>The gold set (tests/intake-gold) and the demo data's gazetteer, with ids derived from the demo
/// keys.</summary>
public static class GoldSet
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ConflictTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run inside the ConflictTracker repository.");
    }

    /// <summary>The named sets: "dev" is tests/intake-gold itself (tuned on), any other name a folder under it
    /// ("heldout": never tuned on).</summary>
    public static string Folder(string root, string set = "dev") =>
        set == "dev" ? Path.Combine(root, "tests", "intake-gold") : Path.Combine(root, "tests", "intake-gold", set);

    public static IReadOnlyList<GoldArticle> Articles(string root, string set = "dev")
    {
        var folder = Folder(root, set);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No gold set '{set}' ({folder}).");
        }

        var list = new List<GoldArticle>();
        foreach (var json in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var article =
                JsonSerializer.Deserialize<GoldArticle>(File.ReadAllText(json), Options)
                ?? throw new InvalidDataException($"{json} is empty.");
            var raw = File.ReadAllText(Path.ChangeExtension(json, ".txt"));
            list.Add(article with { Name = Path.GetFileNameWithoutExtension(json), Text = ArticleText.Normalise(raw) });
        }

        return list;
    }

    public static Guid Id(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes("demo:" + key)).AsSpan(0, 16));

    /// <summary>The gazetteer a fresh database holds: the demo data's actors, affiliations, places and
    /// propositions.</summary>
    public static (Gazetteer Gazetteer, Dictionary<Guid, string> PropositionKeys) DemoGazetteer(string root)
    {
        using var doc = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(root, "src", "ConflictTracker.Web", "Data", "Seed", "demo-data.json"))
        );
        var r = doc.RootElement;
        var actors = r.GetProperty("actors")
            .EnumerateArray()
            .Select(a => new KnownActor(
                Id(a.GetProperty("key").GetString()!),
                a.GetProperty("name").GetString()!,
                Enum.Parse<ActorKind>(a.GetProperty("kind").GetString()!),
                a.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                a.TryGetProperty("aliases", out var al) && al.ValueKind == JsonValueKind.Array
                    ? al.EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToList()
                    : []
            ))
            .ToList();
        var affiliations = r.GetProperty("affiliations")
            .EnumerateArray()
            .Select(a => new KnownAffiliation(
                Id(a.GetProperty("member").GetString()!),
                Id(a.GetProperty("organisation").GetString()!),
                a.GetProperty("role").GetString()!,
                a.GetProperty("speaksFor").GetBoolean(),
                a.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String
                    ? DateOnly.Parse(f.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : null,
                a.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String
                    ? DateOnly.Parse(t.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : null
            ))
            .ToList();
        var places = r.GetProperty("places")
            .EnumerateArray()
            .Select(p => new KnownPlace(
                Id(p.GetProperty("key").GetString()!),
                p.GetProperty("name").GetString()!,
                p.TryGetProperty("country", out var c) ? c.GetString() : null
            ))
            .ToList();
        var keys = new Dictionary<Guid, string>();
        var propositions = r.GetProperty("propositions")
            .EnumerateArray()
            .Select(p =>
            {
                var key = p.GetProperty("key").GetString()!;
                keys[Id(key)] = key;
                var measures =
                    p.TryGetProperty("measures", out var m) && m.ValueKind == JsonValueKind.Array
                        ? m.EnumerateArray()
                            .Select(x => new KnownMeasure(
                                Id(x.GetProperty("key").GetString()!),
                                x.GetProperty("name").GetString()!,
                                x.GetProperty("unit").GetString()!
                            ))
                            .ToList()
                        : [];
                return new KnownProposition(
                    Id(key),
                    p.GetProperty("statement").GetString()!,
                    p.TryGetProperty("description", out var d) ? d.GetString() : null,
                    measures
                );
            })
            .ToList();
        return (new Gazetteer(actors, affiliations, places, propositions), keys);
    }
}
