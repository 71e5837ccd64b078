using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.DemoData;

/// <summary>
/// The demo file turned into domain objects by the same factories editors' input goes through.
/// A broken rule or an unknown key fails the whole load with the record's key in the message.
/// </summary>
internal sealed class DemoGraph
{
    private readonly Dictionary<string, Actor> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Proposition> propositions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Measure> measures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Affiliation> affiliations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Claim> claims = new(StringComparer.Ordinal);

    private DemoGraph() { }

    public IReadOnlyList<Actor> Actors => [.. actors.Values];

    public IReadOnlyList<Affiliation> Affiliations => [.. affiliations.Values];

    public IReadOnlyList<Place> Places => [.. places.Values];

    public IReadOnlyList<Proposition> Propositions => [.. propositions.Values];

    public IReadOnlyList<Source> Sources => [.. sources.Values];

    public IReadOnlyList<Claim> Claims => [.. claims.Values];

    public static DemoGraph Build(DemoDataFile file, DateTimeOffset now)
    {
        var graph = new DemoGraph();
        foreach (var a in file.Actors)
        {
            Add(
                graph.actors,
                "actor",
                a.Key,
                () =>
                {
                    var actor = Actor.Create(
                        a.Name,
                        a.Kind,
                        a.Country,
                        a.Description,
                        a.Reliability,
                        DemoIds.For("actor", a.Key),
                        a.Collective
                    );
                    foreach (var alias in a.Aliases ?? [])
                    {
                        actor.AddAlias(alias.Name, alias.Language, DemoIds.For("alias", $"{a.Key}/{alias.Name}"));
                    }

                    return actor;
                }
            );
        }

        foreach (var f in file.Affiliations)
        {
            Add(
                graph.affiliations,
                "affiliation",
                f.Key,
                () =>
                    Affiliation.Create(
                        Find(graph.actors, "actor", f.Member, f.Key),
                        Find(graph.actors, "actor", f.Organisation, f.Key),
                        f.Role,
                        f.From,
                        f.To,
                        f.SpeaksFor,
                        DemoIds.For("affiliation", f.Key)
                    )
            );
        }

        foreach (var p in file.Places)
        {
            Add(
                graph.places,
                "place",
                p.Key,
                () => Place.Create(p.Name, p.Country, p.Latitude, p.Longitude, DemoIds.For("place", p.Key))
            );
        }

        foreach (var p in file.Propositions)
        {
            var proposition = Add(
                graph.propositions,
                "proposition",
                p.Key,
                () => Proposition.Create(p.Statement, p.Description, DemoIds.For("proposition", p.Key))
            );
            foreach (var m in p.Measures ?? [])
            {
                Add(
                    graph.measures,
                    "measure",
                    m.Key,
                    () => proposition.AddMeasure(m.Name, m.Unit, DemoIds.For("measure", m.Key))
                );
            }
        }

        foreach (var s in file.Sources)
        {
            Add(
                graph.sources,
                "source",
                s.Key,
                () =>
                    Source.Create(
                        s.Kind,
                        s.Title,
                        s.Url,
                        s.Publisher is null ? null : Find(graph.actors, "actor", s.Publisher, s.Key),
                        s.Published is null ? null : PartialDate.Parse(s.Published, "Published"),
                        s.Retrieved,
                        s.Language,
                        s.ArchiveUrl,
                        reliability: s.Reliability,
                        id: DemoIds.For("source", s.Key)
                    )
            );
        }

        foreach (var c in file.Claims)
        {
            Add(graph.claims, "claim", c.Key, () => graph.BuildClaim(c, now));
        }

        return graph;
    }

    private Claim BuildClaim(DemoClaim c, DateTimeOffset now)
    {
        var claim = Claim.Create(
            new NewClaim(
                Find(propositions, "proposition", c.Proposition, c.Key),
                Find(actors, "actor", c.AssertedBy, c.Key),
                PartialDate.Parse(c.Stated, "StatedOn"),
                c.Stance,
                c.Summary
            )
            {
                OnBehalfOf = c.OnBehalfOf is null ? null : Find(actors, "actor", c.OnBehalfOf, c.Key),
                EventPeriod = c.Event is null
                    ? null
                    : EventPeriod.Create(
                        PartialDate.Parse(c.Event.Start, "EventPeriod.Start"),
                        c.Event.End is null ? null : PartialDate.Parse(c.Event.End, "EventPeriod.End")
                    ),
                Quote = c.Quote is null
                    ? null
                    : Quote.Create(c.Quote.Text, c.Quote.Language, c.Quote.Translation, c.Quote.TranslationLanguage),
                Measure = c.Quantity is null ? null : Find(measures, "measure", c.Quantity.Measure, c.Key),
                Quantity = c.Quantity is null
                    ? null
                    : Quantity.Create(c.Quantity.Min, c.Quantity.Max, c.Quantity.Qualifier),
                Status = ClaimStatus.Published,
            },
            now,
            DemoIds.For("claim", c.Key)
        );

        foreach (var placeKey in c.Places ?? [])
        {
            claim.AddPlace(Find(places, "place", placeKey, c.Key));
        }

        var cited = new Dictionary<string, Citation>(StringComparer.Ordinal);
        foreach (var citation in c.Citations)
        {
            var derivedFrom = citation.DerivedFrom is null
                ? null
                : Find(cited, "citation", citation.DerivedFrom, c.Key);
            Add(
                cited,
                $"citation of claim '{c.Key}'",
                citation.Key,
                () =>
                    claim.Cite(
                        Find(sources, "source", citation.Source, c.Key),
                        citation.Role,
                        citation.Quote,
                        citation.Locator,
                        derivedFrom,
                        DemoIds.For("citation", $"{c.Key}/{citation.Key}")
                    )
            );
        }

        return claim;
    }

    private static T Add<T>(Dictionary<string, T> into, string kind, string key, Func<T> build)
    {
        if (into.ContainsKey(key))
        {
            throw new InvalidDataException($"Demo data: the {kind} key '{key}' is used twice.");
        }

        var record = Record(kind, key, build);
        into[key] = record;
        return record;
    }

    private static T Find<T>(Dictionary<string, T> from, string kind, string key, string referencedBy) =>
        from.TryGetValue(key, out var found)
            ? found
            : throw new InvalidDataException($"Demo data: '{referencedBy}' refers to an unknown {kind} '{key}'.");

    private static T Record<T>(string kind, string key, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainValidationException ex)
        {
            throw new InvalidDataException($"Demo data: {kind} '{key}' breaks a rule: {ex.Message}", ex);
        }
    }
}
