using System.Globalization;
using System.Text;
using ConflictTracker.Domain.Actors;

namespace ConflictTracker.Intake;

/// <summary>An actor the database knows: its name, aliases in any script, kind and country.</summary>
public sealed record KnownActor(Guid Id, string Name, ActorKind Kind, string? Country, IReadOnlyList<string> Aliases);

/// <summary>A member's role in an organisation; <paramref name="SpeaksFor"/> marks an official voice.</summary>
public sealed record KnownAffiliation(
    Guid MemberId,
    Guid OrganisationId,
    string Role,
    bool SpeaksFor,
    DateOnly? From,
    DateOnly? To
);

public sealed record KnownPlace(Guid Id, string Name, string? Country);

public sealed record KnownMeasure(Guid Id, string Name, string Unit);

public sealed record KnownProposition(
    Guid Id,
    string Statement,
    string? Description,
    IReadOnlyList<KnownMeasure> Measures
);

/// <summary>
/// What the extractor knows, built from the database's own actors, aliases, affiliations, places and
/// propositions (no lists downloaded or shipped): names are matched as normalised word sequences
/// (case, accents, punctuation and hyphens ignored), and people are also found by surname.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<KnownActor>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KnownActor>> bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, KnownActor> actors = [];
    private readonly List<KnownAffiliation> affiliations;
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    public Gazetteer(
        IEnumerable<KnownActor> actors,
        IEnumerable<KnownAffiliation> affiliations,
        IEnumerable<KnownPlace> places,
        IEnumerable<KnownProposition> propositions
    )
    {
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors)
        {
            this.actors[actor.Id] = actor;
            foreach (var name in actor.Aliases.Append(actor.Name).Concat(Variants(actor.Name)))
            {
                var key = Key(name);
                if (key.Length == 0)
                {
                    continue;
                }

                Add(byName, key, actor);
            }

            if (actor.Kind == ActorKind.Person)
            {
                foreach (var name in actor.Aliases.Append(actor.Name))
                {
                    var words = Words(name).Where(w => w.Length > 1 && !Suffixes.Contains(w)).ToList();
                    if (words.Count >= 2)
                    {
                        Add(bySurname, words[^1], actor);
                    }
                }
            }
        }

        this.affiliations = [.. affiliations ?? []];
        Places = [.. places ?? []];
        Propositions = [.. propositions ?? []];
        LongestName = byName.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        foreach (var key in byName.Keys)
        {
            var first = key.Split(' ')[0];
            longestFrom[first] = Math.Max(longestFrom.GetValueOrDefault(first), key.Count(c => c == ' ') + 1);
        }
    }

    public IReadOnlyList<KnownPlace> Places { get; }

    public IReadOnlyList<KnownProposition> Propositions { get; }

    public IEnumerable<KnownActor> Actors => actors.Values;

    /// <summary>The longest known name, in words: how far a name lookup needs to look.</summary>
    public int LongestName { get; }

    /// <summary>The longest known name that starts with this (normalised) word, in words; 0 when none does.</summary>
    public int LongestNameFrom(string firstWord) => longestFrom.GetValueOrDefault(firstWord);

    public KnownActor? Actor(Guid id) => actors.GetValueOrDefault(id);

    /// <summary>Actors whose name or alias is exactly these words (after normalising).</summary>
    public IReadOnlyList<KnownActor> ByName(string name) => byName.TryGetValue(Key(name), out var found) ? found : [];

    /// <summary>People whose last name is this word.</summary>
    public IReadOnlyList<KnownActor> BySurname(string surname) =>
        bySurname.TryGetValue(Key(surname), out var found) ? found : [];

    /// <summary>The organisations a person speaks for (official voice), as known on <paramref name="on"/>.</summary>
    public IEnumerable<(KnownAffiliation Affiliation, KnownActor Organisation)> Affiliations(
        Guid memberId,
        DateOnly? on = null
    ) =>
        affiliations
            .Where(a =>
                a.MemberId == memberId
                && (on is null || ((a.From is null || a.From <= on) && (a.To is null || a.To >= on)))
            )
            .Select(a => (a, actors.GetValueOrDefault(a.OrganisationId)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.a, p.Item2!));

    /// <summary>The members of an organisation whose role contains all these words ("spokesman").</summary>
    public IEnumerable<KnownActor> MembersWithRole(Guid organisationId, IReadOnlyCollection<string> roleWords) =>
        affiliations
            .Where(a => a.OrganisationId == organisationId && roleWords.All(w => Words(a.Role).Contains(w)))
            .Select(a => actors.GetValueOrDefault(a.MemberId))
            .OfType<KnownActor>();

    /// <summary>Names also written without their parenthesised part: "Defence Intelligence of Ukraine (GUR)" is also
    /// found as GUR and as the rest.</summary>
    private static IEnumerable<string> Variants(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var close = name.IndexOf(')', StringComparison.Ordinal);
        if (open > 0 && close > open)
        {
            yield return name[..open];
            yield return name[(open + 1)..close];
        }

        if (name.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            yield return name[4..];
        }
    }

    private static void Add(Dictionary<string, List<KnownActor>> index, string key, KnownActor actor)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(actor))
        {
            list.Add(actor);
        }
    }

    private static readonly HashSet<string> Suffixes = new(["jr", "sr", "ii", "iii", "iv"], StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        IReadOnlyList<string>
    > NameWordCache = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Words"/> of a short string met again and again (an actor's name, an alias, a role), remembered: the
    /// extractor asks for the same names thousands of times per article. Longer texts are not remembered.
    /// </summary>
    internal static IReadOnlyList<string> NameWords(string name)
    {
        if (name.Length > 120)
        {
            return Words(name);
        }

        if (NameWordCache.TryGetValue(name, out var words))
        {
            return words;
        }

        if (NameWordCache.Count > 20_000)
        {
            NameWordCache.Clear();
        }

        return NameWordCache.GetOrAdd(name, n => Words(n).AsReadOnly());
    }

    /// <summary>The normalised key of a name: lower-case words without accents or punctuation, joined by single
    /// spaces.</summary>
    public static string Key(string text) => string.Join(' ', Words(text));

    /// <summary>The normalised words of a text: lower case, accents dropped, split at anything not a letter or digit
    /// (so "Kim Yong-hyun" is kim yong hyun).</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        var afterApostrophe = false;
        void Complete()
        {
            // The "s" of a possessive ("Korea's") is no word; an initial ("Joseph S. Bermudez") is.
            var word = current.ToString();
            if (!(afterApostrophe && word == "s"))
            {
                words.Add(word);
            }

            current.Clear();
        }

        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '\'' or '\u2019' && current.Length > 0)
            {
                // "Korea's": the possessive ends the word.
                Complete();
                afterApostrophe = true;
                continue;
            }

            if (current.Length > 0)
            {
                Complete();
            }

            afterApostrophe = false;
        }

        if (current.Length > 0)
        {
            Complete();
        }

        return words;
    }
}
