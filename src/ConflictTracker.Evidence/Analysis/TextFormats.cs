using System.Text;
using System.Text.RegularExpressions;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Saved web pages recognised by how their text starts: HTML and MHTML (and SVG, to refuse it).</summary>
internal static partial class TextFormats
{
    private static readonly string[] HtmlStarts =
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<title",
        "<meta",
        "<base",
        "<link",
        "<style",
        "<script",
    ];

    public static MediaFormat? Detect(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        var start = SkipPreamble(text);
        if (HtmlStarts.Any(tag => IsTagStart(text, start, tag)))
        {
            return MediaFormats.Html;
        }

        return IsMhtml(text) ? MediaFormats.Mhtml : null;
    }

    public static bool IsSvg(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        var start = SkipPreamble(text);
        return IsTagStart(text, start, "<svg") || IsTagStart(text, start, "<!doctype svg");
    }

    /// <summary>Skips a byte-order mark, white space, comments, and an XML declaration: where the first
    /// real tag starts.</summary>
    private static int SkipPreamble(string text)
    {
        var at = text.StartsWith('\uFEFF') ? 1 : 0;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            var end = Closing(text, at, "<!--", "-->") ?? Closing(text, at, "<?", "?>");
            if (end is null)
            {
                return at;
            }

            at = end.Value;
        }
    }

    private static int? Closing(string text, int at, string open, string close)
    {
        if (string.CompareOrdinal(text, at, open, 0, open.Length) != 0)
        {
            return null;
        }

        var end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + close.Length;
    }

    private static bool IsTagStart(string text, int at, string tag)
    {
        if (string.Compare(text, at, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var next = at + tag.Length;
        return next >= text.Length
            || tag.StartsWith("<!", StringComparison.Ordinal)
            || !char.IsLetterOrDigit(text[next]);
    }

    /// <summary>A MIME message whose header block (everything before the first blank line) says
    /// multipart/related, as browsers write when they save a page as one file.</summary>
    private static bool IsMhtml(string text)
    {
        var blank = BlankLine().Match(text);
        var headers = blank.Success ? text[..blank.Index] : text;
        return HeaderLine().IsMatch(headers) && RelatedContentType().IsMatch(headers);
    }

    [GeneratedRegex(@"\r?\n\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9-]*:")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^content-type:\s*multipart/related", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RelatedContentType();
}
