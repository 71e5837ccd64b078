using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// Reads the search box as people type it (docs/rules/search.md, "How the text is read"): figures written
/// with any thousands separator, comparisons and ranges (<c>&gt;= 1000 soldiers</c>, <c>over 1000</c>,
/// <c>1000-2000</c>, <c>between 1,000 and 2,000</c>) become <see cref="FigureCondition"/>s; stance words
/// (<c>denied</c>, <c>confirmed</c>) become stances; what is left is words for full-text and name search.
/// Quoted phrases are left as they are. Pure: the database resolves unit words and names afterwards.
/// </summary>
public static class SearchText
{
    /// <summary>The words read as stances: every form of the verb an analyst would type, nothing looser.</summary>
    public static readonly IReadOnlyDictionary<string, Stance> StanceWords = new Dictionary<string, Stance>(
        StringComparer.OrdinalIgnoreCase
    )
    {
        ["deny"] = Stance.Denies,
        ["denies"] = Stance.Denies,
        ["denied"] = Stance.Denies,
        ["denying"] = Stance.Denies,
        ["denial"] = Stance.Denies,
        ["denials"] = Stance.Denies,
        ["reject"] = Stance.Denies,
        ["rejects"] = Stance.Denies,
        ["rejected"] = Stance.Denies,
        ["rejecting"] = Stance.Denies,
        ["refute"] = Stance.Denies,
        ["refutes"] = Stance.Denies,
        ["refuted"] = Stance.Denies,
        ["refuting"] = Stance.Denies,
        ["confirm"] = Stance.Affirms,
        ["confirms"] = Stance.Affirms,
        ["confirmed"] = Stance.Affirms,
        ["confirming"] = Stance.Affirms,
        ["affirm"] = Stance.Affirms,
        ["affirms"] = Stance.Affirms,
        ["affirmed"] = Stance.Affirms,
        ["affirming"] = Stance.Affirms,
        ["hedge"] = Stance.Hedges,
        ["hedges"] = Stance.Hedges,
        ["hedged"] = Stance.Hedges,
        ["hedging"] = Stance.Hedges,
        ["neutral"] = Stance.Neutral,
    };

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SearchQuery.Empty;
        }

        var figures = new List<FigureCondition>();
        var stances = new List<Stance>();
        var rest = new StringBuilder();
        // Quoted phrases are searched as written: only the text outside quotes is read for figures and stances.
        var segments = text.Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i % 2 == 1)
            {
                rest.Append(" \"").Append(segments[i]).Append("\" ");
                continue;
            }

            var outside = Figure().Replace(segments[i], match => ReadFigure(match, figures));
            foreach (var word in outside.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (StanceWords.TryGetValue(word.TrimEnd(',', '.', ';', ':', '!', '?'), out var stance))
                {
                    if (!stances.Contains(stance))
                    {
                        stances.Add(stance);
                    }

                    continue;
                }

                rest.Append(' ').Append(word);
            }
        }

        var words = Regex.Replace(rest.ToString(), @"\s+", " ").Trim();
        return new SearchQuery(string.IsNullOrEmpty(words) ? null : words, figures, stances);
    }

    private static string ReadFigure(Match match, List<FigureCondition> figures)
    {
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : null;
        var kept = " ";
        if (unit is not null && (StanceWords.ContainsKey(unit) || IsConnective(unit)))
        {
            // "1000 denied": the word is not a unit; leave it to be read on its own.
            kept = " " + unit + " ";
            unit = null;
        }

        FigureCondition? figure;
        if (match.Groups["a"].Success)
        {
            var (a, b) = (Number(match, "a"), Number(match, "b"));
            figure =
                a is null || b is null
                    ? null
                    : FigureCondition.Between(Math.Min(a.Value, b.Value), Math.Max(a.Value, b.Value));
        }
        else
        {
            figure = Number(match, "n") is { } n ? Compare(match.Groups["op"].Value, n) : null;
        }

        if (figure is null)
        {
            return match.Value;
        }

        var typed =
            unit is null && kept != " " ? match.Value[..(match.Groups["unit"].Index - match.Index)] : match.Value;
        figures.Add(figure with { Unit = unit, Typed = typed.Trim() });
        return kept;
    }

    private static bool IsConnective(string word) =>
        word.ToLowerInvariant() is "and" or "or" or "to" or "of" or "in" or "by" or "the" or "a" or "an";

    private static FigureCondition Compare(string op, decimal n) =>
        Regex.Replace(op.ToLowerInvariant(), @"\s+", " ").Replace("maximum", "max").Replace("minimum", "min") switch
        {
            "" or "=" or "exactly" => FigureCondition.Between(n, n),
            ">=" or "≥" or "=>" or "at least" or "no less than" or "no fewer than" or "min" => new FigureCondition(
                n,
                true,
                null,
                false
            ),
            ">" or "over" or "more than" or "greater than" or "above" or "exceeding" => new FigureCondition(
                n,
                false,
                null,
                false
            ),
            "<=" or "≤" or "=<" or "at most" or "up to" or "no more than" or "max" => new FigureCondition(
                0,
                true,
                n,
                true
            ),
            "<" or "under" or "less than" or "fewer than" or "below" => new FigureCondition(0, true, n, false),
            "nearly" or "almost" => FigureCondition.Between(
                Quantity.Create(n, null, QuantityQualifier.Nearly).ImpliedInterval
            ),
            _ => FigureCondition.Between(Quantity.Create(n, null, QuantityQualifier.Approximately).ImpliedInterval),
        };

    /// <summary>
    /// A number as people write it: <c>1500</c>, <c>1,500</c>, <c>1.500</c>, <c>1 500</c> (space, no-break or thin
    /// space), <c>1,500.5</c>, <c>1.500,5</c>, <c>1.5</c>, <c>1,5</c>, <c>1.5k</c>, <c>4.8 million</c>. A separator
    /// followed by exactly three digits groups thousands; otherwise it is the decimal point.
    /// </summary>
    private static decimal? Number(Match match, string name)
    {
        var digits = match.Groups[name].Value;
        var separator = match.Groups[name + "sep"];
        if (separator.Success)
        {
            digits = digits.Replace(separator.Value, "", StringComparison.Ordinal);
        }

        digits = digits.Replace(',', '.');
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var multiplier = match.Groups[name + "mult"].Value.ToLowerInvariant() switch
        {
            "k" or "thousand" => 1_000m,
            "m" or "mn" or "million" => 1_000_000m,
            "bn" or "billion" => 1_000_000_000m,
            _ => 1m,
        };
        try
        {
            var result = value * multiplier;
            return result > Quantity.Largest ? null : result;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private const string Op =
        @"(?<op>>=|=>|≥|<=|=<|≤|>|<|=|~|at\s+least|no\s+(?:less|fewer)\s+than|minimum|min|over|more\s+than"
        + @"|greater\s+than|above|exceeding|at\s+most|up\s+to|no\s+more\s+than|maximum|max|under|less\s+than"
        + @"|fewer\s+than|below|exactly|about|around|approximately|approx\.?|roughly|some|circa|ca\.|nearly|almost)";

    private static string Num(string name) =>
        $@"(?<{name}>\d{{1,3}}(?<{name}sep>[,.\u00A0\u2009\u202F' ])\d{{3}}(?:\k<{name}sep>\d{{3}})*"
        + $@"(?:(?!\k<{name}sep>)[.,]\d+)?|\d+(?:[.,]\d+)?)"
        + $@"(?:\s?(?<{name}mult>k|mn|m|bn|thousand|million|billion)(?![\p{{L}}\p{{N}}]))?";

    /// <summary>The word after a figure, unless it starts another comparison.</summary>
    private const string Unit =
        @"(?:\s+(?!(?:over|under|above|below|between|from|at|up|more|less|fewer|greater|no|about|around|nearly"
        + @"|almost|exactly|approx|approximately|roughly|some|circa|ca|min|max|minimum|maximum|exceeding)\b)"
        + @"(?<unit>\p{L}[\p{L}'’-]*))?";

    private const string Pattern =
        @"(?<![\p{L}\p{N}\-.,])(?:"
        + @"between\s+"
        + "NUMA"
        + @"\s+and\s+"
        + "NUMB"
        + @"|(?:from\s+)?"
        + "NUMA"
        + @"(?:\s*[-–—]\s*|\s+to\s+)"
        + "NUMB"
        + @"|(?:"
        + Op
        + @"\s*)?"
        + "NUMN"
        + @")(?![\p{L}\p{N}]|[.,]\d)"
        + Unit;

    private static readonly Regex FigureRegex = new(
        Pattern.Replace("NUMA", Num("a")).Replace("NUMB", Num("b")).Replace("NUMN", Num("n")),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromMilliseconds(250)
    );

    private static Regex Figure() => FigureRegex;
}

/// <summary>The search box read: figures, stances and the words left for full-text and name search.</summary>
public sealed record SearchQuery(string? Words, IReadOnlyList<FigureCondition> Figures, IReadOnlyList<Stance> Stances)
{
    public static readonly SearchQuery Empty = new(null, [], []);
}

/// <summary>
/// A condition on a claim's figure: the asked interval (bounds inclusive or not, <see cref="High"/> null when
/// unbounded), and the unit word typed after it, if any. A claim matches when its stated figure (minimum to
/// maximum, as the speaker said it) overlaps the interval.
/// </summary>
public sealed record FigureCondition(decimal Low, bool LowInclusive, decimal? High, bool HighInclusive)
{
    public string? Unit { get; init; }

    /// <summary>The figure as typed, for "read as" messages.</summary>
    public string Typed { get; init; } = "";

    public static FigureCondition Between(decimal low, decimal high) => new(low, true, high, true);

    public static FigureCondition Between(ImpliedInterval interval) =>
        new(interval.Low, true, interval.High, interval.High is not null);

    /// <summary>"1,500", "more than 1,000", "1,000 to 2,000", "at most 500".</summary>
    public string Describe()
    {
        string F(decimal v) => ImpliedInterval.Format(v);
        var text = (High, LowInclusive, HighInclusive) switch
        {
            (null, true, _) => $"at least {F(Low)}",
            (null, false, _) => $"more than {F(Low)}",
            ({ } h, true, true) when h == Low => F(Low),
            ({ } h, _, true) when Low == 0 => $"at most {F(h)}",
            ({ } h, _, false) when Low == 0 => $"less than {F(h)}",
            ({ } h, _, _) => $"{F(Low)} to {F(h)}",
        };
        return Unit is null ? text : $"{text} {Unit}";
    }
}
