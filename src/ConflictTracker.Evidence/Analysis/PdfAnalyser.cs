using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>PDFs: PdfPig for pages and document information, pdftoppm for a picture of the first page.</summary>
internal sealed partial class PdfAnalyser(MediaLimits limits, ILogger logger)
{
    private const string Unreadable = "The PDF cannot be read; it may be cut short or damaged.";

    public async Task<MediaAnalysis> AnalyseAsync(string path, MediaType type, CancellationToken ct)
    {
        var facts = new FactsBuilder();
        ReadDocument(path, facts);
        var preview = await FirstPageAsync(path, ct);
        if (preview is null)
        {
            facts.Warn("No picture of the first page could be made.");
        }

        return new MediaAnalysis(type, facts.ToFacts(), preview is null ? [] : [preview], []);
    }

    private void ReadDocument(string path, FactsBuilder facts)
    {
        try
        {
            // A stream, not the path: PdfPig would read the whole file into memory from a path.
            using var input = File.OpenRead(path);
            using var document = PdfDocument.Open(input);
            facts.PageCount = document.NumberOfPages;
            var information = document.Information;
            facts.Title = information.Title;
            facts.Software = information.Producer ?? information.Creator;
            facts.Tag("PDF", "Title", information.Title);
            facts.Tag("PDF", "Author", information.Author);
            facts.Tag("PDF", "Subject", information.Subject);
            facts.Tag("PDF", "Keywords", information.Keywords);
            facts.Tag("PDF", "Creator", information.Creator);
            facts.Tag("PDF", "Producer", information.Producer);
            facts.Tag("PDF", "Created", information.CreationDate);
            facts.Tag("PDF", "Modified", information.ModifiedDate);
            if (ParseDate(information.CreationDate) is var (at, hasOffset))
            {
                facts.Capture(at, hasOffset);
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new EvidenceRejectedException(
                "unreadable-media",
                "The PDF is protected by a password; upload a copy without one."
            );
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // PdfPig throws many kinds of exception on damaged files; none of them is the uploader's to see.
            logger.LogInformation(e, "PdfPig could not open {Path}", path);
            throw new EvidenceRejectedException("unreadable-media", Unreadable);
        }
    }

    private async Task<MediaPreview?> FirstPageAsync(string path, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("evidence-pdf-");
        try
        {
            var size = limits.PreviewSize.ToString(CultureInfo.InvariantCulture);
            string[] arguments =
            [
                "-jpeg",
                "-f",
                "1",
                "-l",
                "1",
                "-scale-to",
                size,
                "-singlefile",
                Path.GetFullPath(path),
                Path.Combine(folder.FullName, "page"),
            ];
            var result = await ExternalTool.RunAsync(limits.PdftoppmPath, arguments, limits.ToolTimeout, ct);
            var page = Path.Combine(folder.FullName, "page.jpg");
            if (result.ExitCode != 0 || !File.Exists(page))
            {
                logger.LogInformation("pdftoppm made no page of {Path}: {Errors}", path, result.Errors);
                return null;
            }

            using var image = Image.Load<Rgba32>(page);
            return Previews.Thumbnail(image, limits.PreviewSize);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A PDF date: "D:20240301102030+02'00'", its parts after the year optional, its offset "Z",
    /// "+HH'mm'" or missing (then the time is local, of unknown offset).</summary>
    public static (DateTimeOffset At, bool HasOffset)? ParseDate(string? text)
    {
        var match = text is null ? Match.Empty : PdfDate().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        int Part(string name, int fallback) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;

        try
        {
            var local = new DateTime(
                Part("y", 1),
                Part("mo", 1),
                Part("d", 1),
                Part("h", 0),
                Part("mi", 0),
                Part("s", 0)
            );
            if (!match.Groups["sign"].Success)
            {
                return (new DateTimeOffset(local, TimeSpan.Zero), false);
            }

            var offset = new TimeSpan(Part("oh", 0), Part("om", 0), 0);
            return (new DateTimeOffset(local, match.Groups["sign"].Value == "-" ? -offset : offset), true);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(
        @"^(?:D:)?(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?"
            + @"(?:(?<sign>Z)|(?<sign>[+-])(?<oh>\d{2})'?(?<om>\d{2})?'?)?"
    )]
    private static partial Regex PdfDate();
}
