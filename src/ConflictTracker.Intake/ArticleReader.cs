using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;

namespace ConflictTracker.Intake;

/// <summary>The form an article came in, judged from its bytes (not its name).</summary>
public enum ArticleFormat
{
    Text,
    Html,
    Pdf,
}

/// <summary>An article read from a file: its snapshot text and what the file says about itself.</summary>
public sealed record ReadArticle(
    ArticleFormat Format,
    string Text,
    string? Title,
    string? Publisher,
    string? Author,
    string? PublishedOn,
    string? CanonicalUrl,
    string? Language
);

/// <summary>The file cannot be taken in; the message says why in words an editor can act on.</summary>
public sealed class ArticleUnreadableException(string message) : Exception(message);

/// <summary>
/// Reads an article from pasted text or a file. Plain text must be UTF-8; HTML is parsed with
/// AngleSharp and never run: scripts, styles, navigation and forms are dropped, the main text is the
/// article's (or main's, or body's) paragraphs, headings, quotations and list items, and the metadata
/// comes from the page's own tags (Open Graph, article:published_time, author, canonical link). PDF
/// is read with PdfPig; a PDF without a text layer is refused.
/// </summary>
public static class ArticleReader
{
    /// <summary>The largest file taken in: 10 MB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static ReadArticle Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new ArticleUnreadableException("The file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new ArticleUnreadableException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The file is larger than {MaxBytes / 1024 / 1024} MB ({bytes.Length:N0} bytes); articles of up to {MaxBytes / 1024 / 1024} MB are taken in."
                )
            );
        }

        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return Pdf(bytes);
        }

        var text = Utf8(bytes);
        var start = text.TrimStart();
        if (
            start.StartsWith('<')
            && (
                start.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || start.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)
                || start.Contains("<p", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            return Html(text);
        }

        return FromText(text);
    }

    /// <summary>Pasted text: checked and normalised like a text file.</summary>
    public static ReadArticle FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (
            text.Contains('\0', StringComparison.Ordinal)
            || text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') > text.Length / 100 + 2
        )
        {
            throw new ArticleUnreadableException(
                "This is not text: it holds control characters that articles do not. Give a .txt, .html or .pdf file."
            );
        }

        var normalised = ArticleText.Normalise(text);
        Check(normalised);
        var title = normalised.Split('\n', 2)[0].Trim();
        return new ReadArticle(
            ArticleFormat.Text,
            normalised,
            title.Length is > 0 and <= 300 ? title : null,
            null,
            null,
            null,
            null,
            null
        );
    }

    private static void Check(string normalised)
    {
        if (ArticleText.WordCount(normalised) == 0)
        {
            throw new ArticleUnreadableException("There is no text to read: the article is empty.");
        }

        if (normalised.Length > ArticleText.MaxLength)
        {
            throw new ArticleUnreadableException(
                $"The text is {normalised.Length:N0} characters long; articles of up to {ArticleText.MaxLength:N0} characters are taken in."
            );
        }
    }

    private static string Utf8(byte[] bytes)
    {
        try
        {
            var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new ArticleUnreadableException(
                "The file is not UTF-8 text (it may be a binary file or another encoding). Save it as UTF-8 text, HTML or PDF."
            );
        }
    }

    private static ReadArticle Html(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        string? Meta(params string[] keys) =>
            keys.Select(k =>
                    document
                        .QuerySelector($"meta[property='{k}'], meta[name='{k}'], meta[itemprop='{k}']")
                        ?.GetAttribute("content")
                )
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?.Trim();
        var title =
            Meta("og:title", "twitter:title")
            ?? document.QuerySelector("h1")?.TextContent.Trim()
            ?? document.Title?.Trim();
        var publisher = Meta("og:site_name", "application-name", "publisher");
        var author = Meta("author", "article:author", "byl", "dc.creator");
        var published =
            Meta("article:published_time", "datePublished", "date", "pubdate", "dc.date", "publish-date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");
        var language = document.DocumentElement?.GetAttribute("lang")?.Trim();
        foreach (
            var drop in document
                .QuerySelectorAll(
                    "script, style, noscript, template, iframe, object, embed, nav, header, footer, aside, form, button, svg, figure figcaption"
                )
                .ToList()
        )
        {
            drop.Remove();
        }

        var root =
            document.QuerySelector("article")
            ?? document.QuerySelector("main")
            ?? document.QuerySelector("[role='main']")
            ?? document.Body;
        var blocks =
            root?.QuerySelectorAll("h1, h2, h3, h4, p, blockquote, li, pre")
                .Where(e => !e.Ancestors<IElement>().Any(a => a.LocalName is "p" or "blockquote" or "li"))
                .Select(e => Collapse(e.TextContent))
                .Where(t => t.Length > 0)
                .ToList()
            ?? [];
        var text = blocks.Count > 0 ? string.Join("\n\n", blocks) : Collapse(root?.TextContent ?? string.Empty);
        var normalised = ArticleText.Normalise(text);
        Check(normalised);
        return new ReadArticle(
            ArticleFormat.Html,
            normalised,
            Clean(title),
            Clean(publisher),
            Clean(author),
            DateOnlyPart(published),
            WebAddress(canonical),
            Clean(language)
        );
    }

    private static ReadArticle Pdf(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var pages = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                var words = page.GetWords().Select(w => w.Text);
                pages.Append(string.Join(' ', words)).Append("\n\n");
            }

            var normalised = ArticleText.Normalise(pages.ToString());
            if (ArticleText.WordCount(normalised) == 0)
            {
                throw new ArticleUnreadableException(
                    "The PDF has no text layer (it is scanned images). Run it through OCR first, or paste the text."
                );
            }

            Check(normalised);
            var info = pdf.Information;
            var created = info.GetCreatedDateTimeOffset();
            return new ReadArticle(
                ArticleFormat.Pdf,
                normalised,
                Clean(info.Title),
                null,
                Clean(info.Author),
                created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                null,
                null
            );
        }
        catch (ArticleUnreadableException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ArticleUnreadableException("The PDF cannot be read: it is damaged or encrypted.");
        }
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Clean(string? value)
    {
        var v = value is null ? null : Collapse(value);
        return string.IsNullOrWhiteSpace(v) ? null
            : v.Length > 300 ? v[..300]
            : v;
    }

    private static string? DateOnlyPart(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            value.Trim(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var at
        )
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static string? WebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.ToString()
            : null;

    /// <summary>A rough test for English: the share of very common English words among the first 400.</summary>
    public static bool LooksEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] common =
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "is",
            "that",
            "said",
            "for",
            "on",
            "was",
            "with",
            "by",
            "has",
            "have",
            "it",
            "as",
            "from",
            "are",
        ];
        var words = Gazetteer.Words(text).Take(400).ToList();
        if (words.Count < 5)
        {
            return words.Any(w => common.Contains(w));
        }

        return words.Count(w => common.Contains(w)) >= words.Count / 8;
    }
}
