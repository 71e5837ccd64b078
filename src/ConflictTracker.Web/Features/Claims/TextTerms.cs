namespace ConflictTracker.Web.Features.Claims;

/// <summary>The words of a search to highlight in results: two letters or more, without search operators.</summary>
public static class TextTerms
{
    private static readonly char[] Separators = [' ', '\t', '"', '\'', ',', '.', ';', ':', '(', ')', '!', '?'];

    public static IReadOnlyList<string> Of(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.TrimStart('-'))
                .Where(w => w.Length >= 2 && !string.Equals(w, "or", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

    /// <summary>Splits <paramref name="text"/> into runs, each marked when it is an occurrence of a term
    /// (case-insensitive).</summary>
    public static IReadOnlyList<(string Text, bool Match)> Highlight(string text, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || string.IsNullOrEmpty(text))
        {
            return [(text, false)];
        }

        var marked = new bool[text.Length];
        foreach (var term in terms)
        {
            for (
                var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
                at >= 0;
                at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase)
            )
            {
                Array.Fill(marked, true, at, term.Length);
            }
        }

        var runs = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                runs.Add((text[start..i], marked[start]));
                start = i;
            }
        }

        return runs;
    }
}
