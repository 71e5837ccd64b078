using System.Globalization;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>Reads a figure as a statement words it: "about 8,000", "nearly 1,500", "at least 10,000", "3000".</summary>
public static class FigureWords
{
    private static readonly (string Words, QuantityQualifier Qualifier)[] Prefixes =
    [
        ("exactly", QuantityQualifier.Exact),
        ("about", QuantityQualifier.Approximately),
        ("around", QuantityQualifier.Approximately),
        ("approximately", QuantityQualifier.Approximately),
        ("some", QuantityQualifier.Approximately),
        ("roughly", QuantityQualifier.Approximately),
        ("nearly", QuantityQualifier.Nearly),
        ("almost", QuantityQualifier.Nearly),
        ("at least", QuantityQualifier.AtLeast),
        ("more than", QuantityQualifier.AtLeast),
        ("over", QuantityQualifier.AtLeast),
        ("up to", QuantityQualifier.AtMost),
        ("at most", QuantityQualifier.AtMost),
    ];

    /// <summary>The qualifier the words give (null: none given) and the figure (null: none or unreadable).</summary>
    public static (QuantityQualifier? Qualifier, decimal? Figure) Parse(string? text)
    {
        var rest = text?.Trim() ?? "";
        QuantityQualifier? qualifier = null;
        foreach (var (words, value) in Prefixes)
        {
            if (rest.StartsWith(words + " ", StringComparison.OrdinalIgnoreCase))
            {
                (qualifier, rest) = (value, rest[words.Length..].Trim());
                break;
            }
        }

        var digits = rest.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var figure)
            ? (qualifier, figure)
            : (qualifier, null);
    }
}
