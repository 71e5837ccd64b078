using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConflictTracker.Intake;

/// <summary>
/// The snapshot text of an article: what is stored, hashed, anchored into and checked against.
/// Normalising is deliberately light so that quotes stay verbatim: Unicode NFC, one kind of line
/// break, no control characters, no trailing spaces, at most one blank line between paragraphs.
/// Quotation marks, dashes and letters are kept as the article has them.
/// </summary>
public static class ArticleText
{
    /// <summary>The longest article taken in, in characters (about 300 pages of text).</summary>
    public const int MaxLength = 1_000_000;

    public static string Normalise(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n');
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(
                c switch
                {
                    '\n' => '\n',
                    '\t' or '\u00A0' or '\u2007' or '\u202F' or '\u2028' or '\u2029' => c is '\u2028' or '\u2029'
                        ? '\n'
                        : ' ',
                    '\uFEFF' or '\u200B' or '\u00AD' => '\0',
                    _ when char.IsControl(c) => ' ',
                    _ when char.GetUnicodeCategory(c) == UnicodeCategory.Format
                            && c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => '\0',
                    _ => c,
                }
            );
        }

        var lines = builder.ToString().Replace("\0", string.Empty, StringComparison.Ordinal).Split('\n');
        var output = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            output.Append(trimmed);
        }

        return output.ToString();
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, lower-case hex.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Counts words (runs of letters or digits), for the screen and the limits.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
