namespace ConflictTracker.Intake;

/// <summary>
/// Ranks existing propositions for a statement by the words they share, each word weighted by how
/// rare it is among the propositions (inverse document frequency) and folded to a crude stem
/// ("troops" and "troop", "deployed" and "deploy"); a figure whose noun matches a measure's unit adds
/// weight. Returns at most three with a score above the floor; none means "new proposition".
/// </summary>
public sealed class PropositionRanker
{
    public const double Floor = 0.12;

    private static readonly HashSet<string> Stop = new(
        ["the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be", "been", "by", "with", "that", "this",
         "it", "its", "as", "at", "from", "has", "have", "had", "will", "would", "could", "may", "might", "not", "their", "they", "he", "she",
         "we", "our", "his", "her", "them", "which", "who", "than", "more", "also", "there", "said", "says", "into", "about", "now", "new", "s"],
        StringComparer.Ordinal);

    private readonly List<(KnownProposition Proposition, Dictionary<string, double> Weights, double Norm)> entries = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    public PropositionRanker(IReadOnlyList<KnownProposition> propositions)
    {
        ArgumentNullException.ThrowIfNull(propositions);
        var documents = propositions.Select(p => (p, Stems(string.Join(' ', new[] { p.Statement, p.Description ?? string.Empty }.Concat(p.Measures.Select(m => m.Name + " " + m.Unit)))).ToHashSet())).ToList();
        foreach (var (_, stems) in documents)
        {
            foreach (var stem in stems)
            {
                idf[stem] = idf.GetValueOrDefault(stem) + 1;
            }
        }

        foreach (var stem in idf.Keys.ToList())
        {
            idf[stem] = Math.Log(1 + ((propositions.Count + 1) / idf[stem]));
        }

        foreach (var (proposition, stems) in documents)
        {
            var weights = stems.ToDictionary(s => s, s => idf[s], StringComparer.Ordinal);
            entries.Add((proposition, weights, Math.Sqrt(weights.Values.Sum(w => w * w))));
        }
    }

    public IReadOnlyList<PropositionGuess> Rank(string content, FoundFigure? figure)
    {
        var stems = Stems(content).ToHashSet();
        var figureStems = figure is null ? [] : Stems(figure.Noun).ToHashSet();
        var guesses = new List<PropositionGuess>();
        foreach (var (proposition, weights, norm) in entries)
        {
            if (norm == 0)
            {
                continue;
            }

            var shared = stems.Where(weights.ContainsKey).Sum(s => weights[s] * weights[s]);
            var score = shared / (norm * Math.Sqrt(Math.Max(1, stems.Count(idf.ContainsKey))) * 1.0);
            Guid? measure = null;
            if (figure is not null && proposition.Measures.Count > 0)
            {
                var best = proposition.Measures
                    .Select(m => (m, Overlap: Stems(m.Unit + " " + m.Name).Count(s => figureStems.Contains(s) || stems.Contains(s))))
                    .OrderByDescending(x => x.Overlap).First();
                if (best.Overlap > 0)
                {
                    measure = best.m.Id;
                    score += 0.1 * Stems(best.m.Unit).Count(figureStems.Contains);
                }
            }

            if (score >= Floor)
            {
                guesses.Add(new PropositionGuess(proposition.Id, proposition.Statement, Math.Round(score, 3), measure));
            }
        }

        return guesses.OrderByDescending(g => g.Score).Take(3).ToList();
    }

    /// <summary>Content words, folded to a crude stem.</summary>
    public static IEnumerable<string> Stems(string text) =>
        Gazetteer.Words(text).Where(w => w.Length > 2 && !Stop.Contains(w) && !char.IsDigit(w[0])).Select(Stem);

    public static string Stem(string word)
    {
        foreach (var suffix in new[] { "ies", "ing", "ed", "es", "s" })
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return suffix == "ies" ? stem + "y" : stem;
            }
        }

        return word;
    }
}
