using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Saved web pages (HTML, MHTML, WARC): the title, and whether scripts are in it. Only the first
/// <see cref="ReadBytes"/> bytes are read (inflated, for a compressed WARC), with bounded expressions: no HTML
/// parser runs, and nothing in the page is ever run.</summary>
internal static partial class WebPageAnalyser
{
    public const int ReadBytes = 1024 * 1024;

    public const string ScriptWarning = "The page contains scripts: shown as text only, never run.";

    public static MediaAnalysis Analyse(string path, MediaType type)
    {
        var text = ReadText(path, type);
        var facts = new FactsBuilder();
        var title = Title().Match(text);
        if (title.Success)
        {
            var plain = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(title.Groups[1].Value, " ")), " ");
            facts.Title = plain;
            facts.Tag("HTML", "Title", plain);
        }

        if (Script().IsMatch(text))
        {
            facts.Warn(ScriptWarning);
        }

        return new MediaAnalysis(type, facts.ToFacts(), [], []);
    }

    private static string ReadText(string path, MediaType type)
    {
        using var file = File.OpenRead(path);
        byte[] head;
        if (type.Format == "warc.gz")
        {
            head = BoundedGzip.Peek(file, ReadBytes);
        }
        else
        {
            head = new byte[(int)Math.Min(ReadBytes, file.Length)];
            file.ReadExactly(head);
        }

        var text = Encoding.UTF8.GetString(head);
        // MHTML parts are usually quoted-printable: soft line breaks and "=3D" would split "<title>" and "on…=".
        return type.Format == "mhtml"
            ? text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal)
            : text;
    }

    [GeneratedRegex(
        @"<title\b[^>]{0,200}>(.{0,2000}?)</title\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline,
        1000
    )]
    private static partial Regex Title();

    [GeneratedRegex(@"<[^>]{0,200}>", RegexOptions.None, 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();

    /// <summary>A script element, an inline event handler (onclick=, onload=…), or a javascript: address.</summary>
    [GeneratedRegex(@"<script\b|<[a-z][^>]{0,2000}?\son[a-z]{3,20}\s*=|javascript:", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex Script();
}
