using System.Globalization;
using System.Text;

namespace ConflictTracker.Intake;

/// <summary>A word of the text: its normalised form (as <see cref="Gazetteer.Words"/> makes it), its raw form and
/// offsets.</summary>
public sealed record Word(string Norm, string Raw, int Start, int End)
{
    public bool Capitalised => Raw.Length > 0 && char.IsUpper(Raw[0]);

    /// <summary>Splits text[start..end) into words, like <see cref="Gazetteer.Words"/> but keeping offsets.</summary>
    public static List<Word> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>();
        var i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var from = i;
            while (i < end && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > from)
            {
                var raw = text[from..i];
                var norm = Fold(raw);
                var possessiveS = raw == "s" && from > 0 && text[from - 1] is '\'' or '\u2019';
                if (!possessiveS)
                {
                    words.Add(new Word(norm, raw, from, i));
                }
            }
        }

        return words;
    }

    private static string Fold(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
