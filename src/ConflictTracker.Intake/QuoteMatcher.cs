using System.Text;

namespace ConflictTracker.Intake;

/// <summary>How a quote was found in a snapshot's text.</summary>
public enum QuoteMatch
{
    /// <summary>The quote is not in the text, even after normalising.</summary>
    NotFound,

    /// <summary>The text holds the quote character for character.</summary>
    Exact,

    /// <summary>The text holds it once whitespace, quotation marks and dashes are made alike.</summary>
    Normalised,
}

/// <summary>Where a quote was found: the kind of match and the span in the original text.</summary>
public sealed record QuoteLocation(QuoteMatch Match, int Start, int End)
{
    public static readonly QuoteLocation None = new(QuoteMatch.NotFound, 0, 0);

    public bool Found => Match != QuoteMatch.NotFound;
}

/// <summary>
/// Checks a quote against a snapshot: exactly, or equal after normalising whitespace (any run is one
/// space), quotation marks (all double marks are ", all single marks and apostrophes are ') and dashes
/// (hyphen, en and em dash, minus are all -). Letters, digits and other punctuation must match as
/// they are: a changed word is a different quote. Quotation marks around the whole quote are ignored.
/// </summary>
public static class QuoteMatcher
{
    public static QuoteLocation Locate(string text, string? quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = (quote ?? string.Empty).Trim();
        if (wanted.Length == 0)
        {
            return QuoteLocation.None;
        }

        var exact = text.IndexOf(wanted, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return new QuoteLocation(QuoteMatch.Exact, exact, exact + wanted.Length);
        }

        var (folded, map) = Fold(text);
        var needle = Fold(wanted).Text.Trim().Trim('"').Trim();
        if (needle.Length == 0)
        {
            return QuoteLocation.None;
        }

        var at = folded.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return QuoteLocation.None;
        }

        var end = at + needle.Length - 1;
        return new QuoteLocation(QuoteMatch.Normalised, map[at], map[end] + 1);
    }

    /// <summary>The folded text and, for each of its characters, the offset of the original it came from.</summary>
    public static (string Text, int[] Map) Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (!space && builder.Length > 0)
                {
                    builder.Append(' ');
                    map.Add(i);
                }

                space = true;
                continue;
            }

            space = false;
            builder.Append(FoldChar(c));
            map.Add(i);
        }

        return (builder.ToString(), map.ToArray());
    }

    public static char FoldChar(char c) =>
        c switch
        {
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u301D' or '\u301E' =>
                '"',
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u2039' or '\u203A' or '`' or '\u00B4' => '\'',
            '\u2010'
            or '\u2011'
            or '\u2012'
            or '\u2013'
            or '\u2014'
            or '\u2015'
            or '\u2212'
            or '\uFE58'
            or '\uFE63'
            or '\uFF0D' => '-',
            _ => c,
        };
}
