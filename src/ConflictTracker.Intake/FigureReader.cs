using System.Globalization;
using System.Text.RegularExpressions;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake;

/// <summary>A count found in a statement: the range and qualifier as docs/rules/qualifier-intervals.md enters it, and
/// what is counted.</summary>
public sealed record FoundFigure(
    decimal Min,
    decimal? Max,
    QuantityQualifier Qualifier,
    string Noun,
    int Start,
    int End
);

/// <summary>
/// Reads counts: digits with thousands separators and decimals ("1,500", "4.8 million"), spelled
/// numbers from two to twenty, and the vague words the rules define ("thousands" 2,000-9,999 Exact,
/// "hundreds" 200-999, "a few thousand" 2,000-5,000 Approximately, "dozens" 24-99, "tens of
/// thousands" 20,000-99,999). Qualifier words before the number set the qualifier. Years, dates,
/// percentages, money, distances and durations are not counts, nor is a number joined to a name by a hyphen
/// (a designation: "Hwasong-11", "KN-23", "F-16") or to a unit ("152-millimeter").
/// </summary>
public static partial class FigureReader
{
    private static readonly Dictionary<string, int> Spelled = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["fifteen"] = 15,
        ["twenty"] = 20,
        ["a dozen"] = 12,
    };

    private static readonly HashSet<string> NotCounted = new(
        [
            "percent",
            "per",
            "%",
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "mile",
            "metres",
            "meters",
            "years",
            "year",
            "days",
            "day",
            "hours",
            "hour",
            "minutes",
            "weeks",
            "week",
            "months",
            "month",
            "dollars",
            "euros",
            "won",
            "roubles",
            "rubles",
            "hryvnias",
            "am",
            "pm",
            "a.m",
            "p.m",
            "degrees",
            "times",
            "o'clock",
            "kg",
            "tonnes",
            "tons",
            "mm",
            "cm",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "st",
            "nd",
            "rd",
            "th",
            "of",
            "or",
            "and",
            "to",
            "was",
            "were",
        ],
        StringComparer.OrdinalIgnoreCase
    );

    public static IEnumerable<FoundFigure> Read(string text, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in Pattern().Matches(text))
        {
            var figure = Interpret(m, text, offset);
            if (figure is not null)
            {
                yield return figure;
            }
        }
    }

    private static FoundFigure? Interpret(Match m, string text, int offset)
    {
        var qualifierWords = m.Groups["q"].Value.Trim().ToLowerInvariant();
        var noun = m.Groups["noun"].Value.Trim();
        var nounWord = noun.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var before = m.Index > 0 ? text[..m.Index].TrimEnd() : string.Empty;
        if (before.EndsWith('$') || before.EndsWith('€') || before.EndsWith('£'))
        {
            return null;
        }

        decimal min;
        decimal? max = null;
        var qualifier = Qualifier(qualifierWords);
        if (m.Groups["vague"].Success)
        {
            var vague = Regex.Replace(m.Groups["vague"].Value.ToLowerInvariant(), @"\s+", " ");
            (min, max, var fuzzy) = vague switch
            {
                "tens of thousands" => (20_000m, (decimal?)99_999m, false),
                "a few thousand" or "several thousand" => (2_000m, 5_000m, true),
                "a few hundred" or "several hundred" => (200m, 500m, true),
                "thousands" => (2_000m, 9_999m, false),
                "hundreds" => (200m, 999m, false),
                "dozens" => (24m, 99m, false),
                _ => (0m, null, false),
            };
            if (max is null)
            {
                return null;
            }

            qualifier = fuzzy ? QuantityQualifier.Approximately : qualifier;
        }
        else
        {
            var number = Number(m.Groups["num"].Value, m.Groups["scale"].Value);
            if (number is null)
            {
                return null;
            }

            var raw = m.Groups["num"].Value;
            var scaled = m.Groups["scale"].Success && m.Groups["scale"].Value.Length > 0;
            if (
                !scaled
                && !raw.Contains(',', StringComparison.Ordinal)
                && number is >= 1900 and <= 2100
                && raw.Length == 4
            )
            {
                return null; // a year
            }

            if (
                NotCounted.Contains(nounWord.TrimEnd('.', ','))
                || text.Length > m.Index + m.Length && text[m.Index + m.Length] == '%'
            )
            {
                return null;
            }

            if (IsDate(text, m.Groups["num"].Index))
            {
                return null;
            }

            if (noun.Length == 0 && !char.IsDigit(raw[0]))
            {
                return null; // "two" on its own is a word, not a count
            }

            min = number.Value;
            if (m.Groups["num2"].Success)
            {
                max = Number(
                    m.Groups["num2"].Value,
                    m.Groups["scale2"].Success ? m.Groups["scale2"].Value : m.Groups["scale"].Value
                );
                if (max is null || max < min)
                {
                    return null;
                }

                if (!m.Groups["scale"].Success && m.Groups["scale2"].Success)
                {
                    min = Number(m.Groups["num"].Value, m.Groups["scale2"].Value) ?? min;
                }
            }
        }

        return new FoundFigure(min, max, qualifier, noun, offset + m.Index, offset + m.Index + m.Length);
    }

    private static bool IsDate(string text, int at)
    {
        var before = text[..at].TrimEnd();
        var lastWord =
            before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd(',', '(') ?? string.Empty;
        return DateReader.MonthNumber(lastWord) is not null;
    }

    public static QuantityQualifier Qualifier(string words) =>
        Regex.Replace(words, @"\s+", " ") switch
        {
            "nearly" or "almost" or "just under" or "close to" or "just shy of" => QuantityQualifier.Nearly,
            "about"
            or "around"
            or "some"
            or "roughly"
            or "approximately"
            or "an estimated"
            or "estimated"
            or "an approximate"
            or "circa"
            or "more or less" => QuantityQualifier.Approximately,
            "at least"
            or "more than"
            or "over"
            or "upwards of"
            or "in excess of"
            or "no fewer than"
            or "no less than"
            or "above" => QuantityQualifier.AtLeast,
            "up to"
            or "as many as"
            or "at most"
            or "no more than"
            or "fewer than"
            or "less than"
            or "as much as"
            or "under" => QuantityQualifier.AtMost,
            _ => QuantityQualifier.Exact,
        };

    private static decimal? Number(string digits, string scale)
    {
        digits = Regex.Replace(digits, @"\s+", string.Empty).Trim();
        decimal value;
        if (Spelled.TryGetValue(digits, out var spelled))
        {
            value = spelled;
        }
        else if (
            !decimal.TryParse(
                digits.Replace(",", string.Empty, StringComparison.Ordinal),
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out value
            )
        )
        {
            return null;
        }

        var factor = scale.ToLowerInvariant() switch
        {
            "million" or "mln" or "m" => 1_000_000m,
            "billion" or "bn" => 1_000_000_000m,
            "thousand" => 1_000m,
            _ => 1m,
        };
        return value * factor;
    }

    [GeneratedRegex(
        @"(?<![\w.,\-–/\u2010\u2011])(?:(?<q>nearly|almost|just\s+under|close\s+to|just\s+shy\s+of|about|around|some|roughly|approximately|an\s+estimated|estimated|circa|at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|fewer\s+than|less\s+than)\s+)?"
            + @"(?:between\s+)?(?:(?<vague>tens\s+of\s+thousands|a\s+few\s+thousand|several\s+thousand|a\s+few\s+hundred|several\s+hundred|thousands|hundreds|dozens)(?:\s+of)?"
            + @"|(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\s{0,3}\d+(?=\s+(?:million|billion))|\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+dozen)\b(?![-–]\w)(?:\s+(?<scale>million|billion|thousand|mln|bn))?"
            + @"(?:\s*(?:-|–|to|and)\s*(?<num2>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<scale2>million|billion|thousand))?)?)"
            + @"(?<noun>(?:\s+(?!(?:and|or|to|of|in|at|on|from|by|for|with|that|who|which|were|was|are|is|had|have|has|would|will|could|between)\b)[A-Za-z][A-Za-z\-’']*){0,4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();
}
