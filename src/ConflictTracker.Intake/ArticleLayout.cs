using System.Text.RegularExpressions;

namespace ConflictTracker.Intake;

/// <summary>A quotation in the text: the offsets of its words, without the marks.</summary>
public sealed record QuoteSpan(int Start, int End, bool Closed);

/// <summary>A sentence of the text (offsets, end exclusive) and the quotations inside it.</summary>
public sealed record Sentence(int Index, int Start, int End, int Paragraph, IReadOnlyList<QuoteSpan> Quotes);

/// <summary>A wire dateline opening the story ("SEOUL, South Korea (AP) —"): where it was filed and by whom; no
/// sentence holds it.</summary>
public sealed record Dateline(int Start, int End, string? Place, string? Outlet);

/// <summary>
/// Splits a snapshot into paragraphs, quotations and sentences, keeping offsets into the snapshot.
/// Quotations are found first and sentences never end inside one, so "“A. B,” he said." is one
/// sentence. A paragraph break after a word or a comma, or before a lower-case word or a digit, is a
/// break left over from the page's layout ("as many as 4.\n\n8 million") and does not end a sentence.
/// </summary>
public sealed partial class ArticleLayout
{
    private static readonly HashSet<string> Abbreviations = new(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "gen",
            "lt",
            "col",
            "maj",
            "capt",
            "cpt",
            "sgt",
            "adm",
            "cmdr",
            "gov",
            "sen",
            "rep",
            "st",
            "jr",
            "sr",
            "no",
            "vs",
            "etc",
            "inc",
            "co",
            "corp",
            "ltd",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "rev",
            "hon",
            "pres",
            "min",
            "dept",
            "approx",
            "est",
            "fig",
            "vol",
            "pp",
            "u.s",
            "u.n",
            "u.k",
            "e.u",
            "a.m",
            "p.m",
            "i.e",
            "e.g",
            "pic",
        ],
        StringComparer.OrdinalIgnoreCase
    );

    public ArticleLayout(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Quotes = FindQuotes(text);
        var sentences = Split(text, Quotes);
        (Dateline, Sentences) = TakeDateline(text, sentences);
    }

    /// <summary>The dateline the story opens with, or null.</summary>
    public Dateline? Dateline { get; }

    public string Text { get; }

    public IReadOnlyList<QuoteSpan> Quotes { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public static bool IsOpeningMark(char c) => c is '\u201C' or '\u201E' or '\u00AB';

    public static bool IsClosingMark(char c) => c is '\u201D' or '\u00BB' or '\u201F';

    /// <summary>
    /// A dateline opens the first paragraph of the story (after the headline): a place in capitals or an outlet in
    /// brackets, then a dash ("SEOUL, South Korea (AP) —", "BRUSSELS/WASHINGTON, Oct 29 (Reuters) -", "(Bloomberg) --",
    /// "Kyiv (AFP) -"). Its sentence starts after the dash, so the place never reads as a speaker or as content.
    /// </summary>
    private static (Dateline?, IReadOnlyList<Sentence>) TakeDateline(string text, List<Sentence> sentences)
    {
        for (var i = 0; i < sentences.Count && i < 4; i++)
        {
            var sentence = sentences[i];
            if (sentence.Start > 0 && text[sentence.Start - 1] != '\n')
            {
                continue;
            }

            var m = DatelinePattern().Match(text, sentence.Start, sentence.End - sentence.Start);
            if (!m.Success || m.Index != sentence.Start || m.Index + m.Length >= sentence.End)
            {
                continue;
            }

            var place =
                m.Groups["place"].Success ? m.Groups["place"].Value.Trim()
                : m.Groups["caps"].Success ? m.Groups["caps"].Value.Trim()
                : null;
            var outlet = m.Groups["outlet"].Success ? m.Groups["outlet"].Value.Trim() : null;
            var start = m.Index + m.Length;
            var list = sentences.ToList();
            list[i] = sentence with { Start = start, Quotes = sentence.Quotes.Where(q => q.End > start).ToList() };
            return (new Dateline(m.Index, start, place, outlet), list);
        }

        return (null, sentences);
    }

    [GeneratedRegex(
        @"\G(?:(?:(?<place>[A-Z][\p{L}.'’\-]*(?:[ /][A-Z][\p{L}.'’\-]*){0,3})(?:,\s*[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*){0,2})?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?\((?<outlet>[^()\n]{2,40})\)"
            + @"|(?<caps>[A-Z]{3,}(?:[ /][A-Z]{3,}){0,3})(?:,\s*[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*){0,2})?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)\s*(?:\u2014|\u2013|--?)\s*",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex DatelinePattern();

    private static List<QuoteSpan> FindQuotes(string text)
    {
        var quotes = new List<QuoteSpan>();
        var open = -1;
        var straight = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (open < 0)
                {
                    open = i + 1;
                    straight = true;
                }
                else
                {
                    quotes.Add(new QuoteSpan(open, TrimEnd(text, open, i), true));
                    open = -1;
                }

                continue;
            }

            if (IsOpeningMark(c))
            {
                if (open >= 0)
                {
                    // A new quotation opens before the last one closed: the last one ran to the end of its paragraph
                    // (wire style leaves a quotation open when it goes on in the next paragraph).
                    quotes.Add(new QuoteSpan(open, TrimEnd(text, open, ParagraphEnd(text, open)), false));
                }

                open = i + 1;
                straight = false;
                continue;
            }

            if (IsClosingMark(c) && open >= 0 && !straight)
            {
                quotes.Add(new QuoteSpan(open, TrimEnd(text, open, i), true));
                open = -1;
                continue;
            }

            if (
                open >= 0
                && c == '\n'
                && i + 1 < text.Length
                && text[i + 1] == '\n'
                && CountParagraphBreaks(text, open, i) >= 2
            )
            {
                // Open over more than two paragraph breaks: a stray mark, not a quotation.
                quotes.Add(new QuoteSpan(open, TrimEnd(text, open, ParagraphEnd(text, open)), false));
                open = -1;
            }
        }

        if (open >= 0)
        {
            quotes.Add(new QuoteSpan(open, TrimEnd(text, open, ParagraphEnd(text, open)), false));
        }

        return quotes.Where(q => q.End > q.Start).ToList();
    }

    private static int CountParagraphBreaks(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                count++;
            }
        }

        return count + 1;
    }

    private static int ParagraphEnd(string text, int from)
    {
        var end = text.IndexOf("\n\n", from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static List<Sentence> Split(string text, IReadOnlyList<QuoteSpan> quotes)
    {
        var links = System
            .Text.RegularExpressions.Regex.Matches(text, @"pic\.\s*twitter\.com/\S+|https?://\S+")
            .Select(m => (Start: m.Index, End: m.Index + m.Length))
            .ToList();
        var inside = new bool[text.Length + 1];
        foreach (var q in quotes)
        {
            for (var i = q.Start; i < q.End; i++)
            {
                inside[i] = true;
            }
        }

        var sentences = new List<Sentence>();
        var start = SkipSpace(text, 0);
        var paragraph = 0;
        var i2 = start;
        while (i2 < text.Length)
        {
            var c = text[i2];
            var boundary = -1;
            var link = links.FindIndex(l => l.Start == i2);
            if (link >= 0)
            {
                if (i2 > start)
                {
                    boundary = i2;
                }
                else
                {
                    var linkEnd = links[link].End;
                    sentences.Add(new Sentence(sentences.Count, start, linkEnd, paragraph, []));
                    start = SkipSpace(text, linkEnd);
                    i2 = start;
                    continue;
                }
            }
            else if (c is '.' or '?' or '!' && !inside[i2] && links.Any(l => l.Start < i2 && i2 < l.End))
            {
                i2++;
                continue;
            }
            else if (c is '.' or '?' or '!' && !inside[i2])
            {
                boundary = AfterTerminal(text, i2);
            }
            else if (c is '.' or '?' or '!' && inside[i2])
            {
                // Inside a quotation a sentence ends only where the quotation ends with it: ".” He said".
                var j = i2 + 1;
                if (j < text.Length && (IsClosingMark(text[j]) || text[j] == '"'))
                {
                    boundary = AfterTerminal(text, i2);
                }
            }
            else if (
                c == '\n'
                && i2 + 1 < text.Length
                && text[i2 + 1] == '\n'
                && !inside[i2]
                && IsParagraphBreak(text, i2)
            )
            {
                boundary = i2;
            }
            else if ((IsClosingMark(c) || c == '"') && !inside[i2] && i2 > 0)
            {
                // A closing mark on its own after a paragraph break: “... personnel.\n\n" Many ...
                var before = i2 - 1;
                while (before > 0 && char.IsWhiteSpace(text[before]))
                {
                    before--;
                }

                var next = SkipSpace(text, i2 + 1);
                if (
                    text[before] is '.' or '?' or '!'
                    && before < i2 - 1
                    && next < text.Length
                    && char.IsUpper(text[next])
                )
                {
                    boundary = i2 + 1;
                }
            }

            if (boundary > start && (boundary == i2 || IsRealEnd(text, i2, boundary)))
            {
                var end = TrimEndSpace(text, start, boundary);
                if (end > start)
                {
                    sentences.Add(
                        new Sentence(
                            sentences.Count,
                            start,
                            end,
                            paragraph,
                            quotes.Where(q => q.Start < end && q.End > start).ToList()
                        )
                    );
                }

                if (
                    text.IndexOf("\n\n", start, boundary - start, StringComparison.Ordinal) >= 0
                    || (boundary < text.Length && text[boundary] == '\n')
                )
                {
                    paragraph++;
                }

                start = SkipSpace(text, boundary);
                i2 = start;
                continue;
            }

            i2++;
        }

        if (start < text.Length)
        {
            var end = TrimEndSpace(text, start, text.Length);
            if (end > start)
            {
                sentences.Add(
                    new Sentence(
                        sentences.Count,
                        start,
                        end,
                        paragraph,
                        quotes.Where(q => q.Start < end && q.End > start).ToList()
                    )
                );
            }
        }

        return sentences;
    }

    private static bool IsParagraphBreak(string text, int at)
    {
        var before = at - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        var next = SkipSpace(text, at);
        if (before < 0 || next >= text.Length)
        {
            return true;
        }

        var last = text[before];
        var first = text[next];
        if (char.IsLower(first) || char.IsDigit(first) || first is '.' or ',')
        {
            return false;
        }

        // A line without an ending is a heading when the next starts a new sentence.
        return last is not ',' || char.IsUpper(first);
    }

    /// <summary>The offset after a sentence-ending mark and any closing marks, or -1 when it does not end a
    /// sentence.</summary>
    private static int AfterTerminal(string text, int at)
    {
        var j = at + 1;
        while (j < text.Length && (IsClosingMark(text[j]) || text[j] is '"' or ')' or '\u2019' or '\''))
        {
            j++;
        }

        if (j < text.Length && !char.IsWhiteSpace(text[j]))
        {
            return -1;
        }

        if (text[at] == '.')
        {
            var wordStart = at;
            while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            {
                wordStart--;
            }

            var word = text[wordStart..at];
            if (Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0])))
            {
                return -1;
            }
        }

        var next = SkipSpace(text, j);
        if (next >= text.Length)
        {
            return j;
        }

        var first = text[next];
        if (char.IsLower(first) || first is ',' or ';' or ')')
        {
            return -1;
        }

        if (char.IsDigit(first) && at > 0 && char.IsDigit(text[at - 1]))
        {
            return -1;
        }

        return j;
    }

    private static bool IsRealEnd(string text, int at, int boundary) => boundary > at && boundary <= text.Length;

    private static int SkipSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static int TrimEndSpace(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
