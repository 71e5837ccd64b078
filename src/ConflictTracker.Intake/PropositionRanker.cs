namespace ConflictTracker.Intake;

/// <summary>
/// Ranks existing propositions for a statement by the words they share. Words are folded to a light stem
/// ("deployed" and "deployment" are deploy, "soldiers" soldier) and then to a sense where reporters use several
/// words for one thing (<see cref="Lexicon.Senses"/>: troops, soldiers and personnel; sent, ferried and deployed;
/// shells, ammunition and arms). Each shared sense weighs by how rare it is among the propositions (inverse
/// document frequency). A figure whose noun is a measure's unit ("12,000 soldiers") adds weight to the
/// propositions that count it. A statement with no words of its own to go on ("This is yet another piece of
/// disinformation") is ranked on the sentence around it and the one before, at a discount, and failing that on the
/// article's headline and lead. Returns at most three
/// with a score above the floor; none means "new proposition".
/// </summary>
public sealed class PropositionRanker
{
    public const double Floor = 0.12;

    /// <summary>The share of its score a proposition keeps when it was found only in the statement's context.</summary>
    public const double ContextDiscount = 0.6;

    /// <summary>The lowest score a proposition found only in the context may have: the words around a statement say
    /// less than its own.</summary>
    public const double ContextFloor = 0.3;

    private static readonly HashSet<string> Stop = new(
        [
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "for",
            "and",
            "or",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "by",
            "with",
            "that",
            "this",
            "it",
            "its",
            "as",
            "at",
            "from",
            "has",
            "have",
            "had",
            "will",
            "would",
            "could",
            "may",
            "might",
            "not",
            "their",
            "they",
            "he",
            "she",
            "we",
            "our",
            "his",
            "her",
            "them",
            "which",
            "who",
            "than",
            "more",
            "also",
            "there",
            "said",
            "says",
            "into",
            "about",
            "now",
            "new",
            "s",
            "being",
            "can",
            "all",
            "any",
            "some",
            "one",
            "what",
            "when",
            "where",
            "how",
            "why",
            "these",
            "those",
            "such",
            "other",
            "own",
            "very",
            "just",
            "only",
            "even",
            "still",
            "yet",
            "already",
            "do",
            "does",
            "did",
            "if",
            "but",
            "so",
            "no",
            "nor",
            "up",
            "out",
            "over",
            "after",
            "before",
            "against",
            "while",
            "because",
            "told",
            "tell",
            "say",
            "added",
            "like",
            "many",
            "much",
            "most",
            "well",
            "since",
            "year",
            "years",
        ],
        StringComparer.Ordinal
    );

    private readonly List<(KnownProposition Proposition, Dictionary<string, double> Weights, double Norm)> entries = [];
    private readonly Dictionary<Guid, (string[] Unit, string[] All)> measureSenses = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    public PropositionRanker(IReadOnlyList<KnownProposition> propositions)
    {
        ArgumentNullException.ThrowIfNull(propositions);
        var documents = propositions
            .Select(p =>
                (
                    p,
                    Senses(
                            string.Join(
                                ' ',
                                new[] { p.Statement, p.Description ?? string.Empty }.Concat(
                                    p.Measures.Select(m => m.Name + " " + m.Unit)
                                )
                            )
                        )
                        .ToHashSet(StringComparer.Ordinal)
                )
            )
            .ToList();
        foreach (var (_, senses) in documents)
        {
            foreach (var sense in senses)
            {
                idf[sense] = idf.GetValueOrDefault(sense) + 1;
            }
        }

        foreach (var sense in idf.Keys.ToList())
        {
            idf[sense] = Math.Log(1 + ((propositions.Count + 1) / idf[sense]));
        }

        foreach (var measure in propositions.SelectMany(p => p.Measures))
        {
            measureSenses[measure.Id] = (
                Senses(measure.Unit).ToArray(),
                Senses(measure.Unit + " " + measure.Name).ToArray()
            );
        }

        foreach (var (proposition, senses) in documents)
        {
            // Every word of the statement and its measures can match, but only the statement's own words set its
            // length:
            // a proposition with many measures is not the less likely for it.
            var weights = senses.ToDictionary(s => s, s => idf[s], StringComparer.Ordinal);
            var own = Senses(proposition.Statement).Distinct(StringComparer.Ordinal).Sum(s => idf[s] * idf[s]);
            entries.Add((proposition, weights, Math.Sqrt(own)));
        }
    }

    public IReadOnlyList<PropositionGuess> Rank(string content, FoundFigure? figure) =>
        Rank(content, figure, null, null);

    /// <summary>
    /// Ranks for <paramref name="content"/>; when it gives nothing, for <paramref name="context"/> (the sentence and
    /// the one
    /// before) at a discount; when that gives nothing either, for the article's <paramref name="topic"/> (headline and
    /// lead)
    /// at a deeper one.
    /// </summary>
    public IReadOnlyList<PropositionGuess> Rank(string content, FoundFigure? figure, string? context, string? topic)
    {
        ArgumentNullException.ThrowIfNull(content);
        var guesses = Score(content, figure, 1.0, Floor);
        if (guesses.Count == 0 && !string.IsNullOrWhiteSpace(context))
        {
            guesses = Score(content + " " + context, figure, ContextDiscount, ContextFloor);
        }

        if (guesses.Count == 0 && !string.IsNullOrWhiteSpace(topic))
        {
            guesses = Score(content + " " + topic, figure, ContextDiscount * ContextDiscount, ContextFloor);
        }

        return guesses;
    }

    private List<PropositionGuess> Score(string text, FoundFigure? figure, double factor, double floor)
    {
        var senses = Senses(text).ToHashSet(StringComparer.Ordinal);
        var figureSenses = figure is null ? [] : Senses(figure.Noun).ToHashSet(StringComparer.Ordinal);
        var known = Math.Sqrt(Math.Max(1, senses.Count(idf.ContainsKey)));
        var guesses = new List<PropositionGuess>();
        foreach (var (proposition, weights, norm) in entries)
        {
            if (norm == 0)
            {
                continue;
            }

            // One shared word ("committed to the region") is a coincidence, not a topic, and countries alone ("Russia",
            // "Ukraine") say where, not what: two shared words, one of them about what happens.
            var common = senses.Where(weights.ContainsKey).ToList();
            if (common.Count < 2 || common.All(Lexicon.PlaceSenses.Contains))
            {
                continue;
            }

            var shared = common.Sum(s => weights[s] * weights[s]);
            var score = shared / (norm * known);
            Guid? measure = null;
            if (figure is not null && proposition.Measures.Count > 0)
            {
                var best = proposition
                    .Measures.Select(m =>
                        (
                            m,
                            Unit: measureSenses[m.Id].Unit.Count(figureSenses.Contains),
                            Overlap: measureSenses[m.Id].All.Count(s => figureSenses.Contains(s) || senses.Contains(s))
                        )
                    )
                    .OrderByDescending(x => x.Unit)
                    .ThenByDescending(x => x.Overlap)
                    .First();
                if (best.Overlap > 0)
                {
                    measure = best.m.Id;
                    score += 0.15 * best.Unit;
                }
            }

            score *= factor;
            if (score >= floor)
            {
                guesses.Add(new PropositionGuess(proposition.Id, proposition.Statement, Math.Round(score, 3), measure));
            }
        }

        return guesses.OrderByDescending(g => g.Score).Take(3).ToList();
    }

    /// <summary>Content words, folded to a stem and then to their sense.</summary>
    public static IEnumerable<string> Senses(string text) =>
        Stems(text).Select(s => Lexicon.Senses.GetValueOrDefault(s, s));

    /// <summary>Content words, folded to a light stem.</summary>
    public static IEnumerable<string> Stems(string text) =>
        Gazetteer.Words(text).Where(w => w.Length > 2 && !Stop.Contains(w) && !char.IsDigit(w[0])).Select(Stem);

    /// <summary>
    /// A light English stem: plural, past and participle endings, "-ment" and "-ies"/"-ied" ("deployments" and
    /// "deployed"
    /// are deploy, "supplies" and "supplied" supply, "soldiers" soldier). Short words are left alone.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word;
        if (w.Length > 5 && w.EndsWith("ments", StringComparison.Ordinal))
        {
            w = w[..^5];
        }
        else if (w.Length > 5 && w.EndsWith("ment", StringComparison.Ordinal))
        {
            w = w[..^4];
        }
        else if (
            w.Length > 4
            && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        )
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = Undouble(w[..^3]);
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = Undouble(w[..^2]);
        }
        else if (
            w.Length > 4
            && (
                w.EndsWith("ches", StringComparison.Ordinal)
                || w.EndsWith("shes", StringComparison.Ordinal)
                || w.EndsWith("sses", StringComparison.Ordinal)
                || w.EndsWith("xes", StringComparison.Ordinal)
            )
        )
        {
            w = w[..^2];
        }
        else if (
            w.Length > 3
            && w.EndsWith('s')
            && !w.EndsWith("ss", StringComparison.Ordinal)
            && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal)
        )
        {
            w = w[..^1];
        }

        return w;
    }

    /// <summary>"ferri" from "ferried" is handled by -ied; "shipp" from "shipped" is ship, "fir" from "fired" stays
    /// (its sense is listed).</summary>
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
