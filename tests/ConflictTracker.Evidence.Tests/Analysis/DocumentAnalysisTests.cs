using System.IO.Compression;
using System.Text;
using ConflictTracker.Evidence.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ConflictTracker.Evidence.Tests.Analysis;

public sealed class DocumentAnalysisTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("evidence-documents-");
    private readonly MediaAnalyser analyser = new(new MediaLimits(), NullLogger<MediaAnalyser>.Instance);

    [Fact]
    public async Task APdfGivesItsPagesTitleCreationDateAndAPictureOfItsFirstPage()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Situation report", 24, new PdfPoint(50, 700), font);
        builder.AddPage(PageSize.A4).AddText("Annex", 24, new PdfPoint(50, 700), font);
        builder.DocumentInformation.Title = "Situation report 12";
        builder.DocumentInformation.Author = "A. Reporter";
        builder.DocumentInformation.CreationDate = "D:20240301102030+02'00'";
        var path = Write("report.pdf", builder.Build());

        var analysis = await Analyse(path);

        var facts = analysis.Facts;
        (facts.PageCount, facts.Title).Should().Be((2, "Situation report 12"));
        facts.CapturedAt.Should().Be(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.FromHours(2)));
        facts.CapturedAtHasOffset.Should().BeTrue();
        facts.Tags.Should().Contain(new MetadataTag("PDF", "Author", "A. Reporter"));
        var page = analysis.Previews.Should().ContainSingle().Subject;
        page.Height.Should().Be(320);
        page.Width.Should().BeInRange(224, 228, "an A4 page is 1 : 1.414");
        analysis.PerceptualHashes.Should().BeEmpty();
    }

    [Fact]
    public async Task APdfThatCannotBeOpenedIsUnreadable()
    {
        var path = Write("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\n"));

        var analyse = () => Analyse(path);

        var refusal = (await analyse.Should().ThrowAsync<EvidenceRejectedException>()).Which;
        (refusal.Code, refusal.Message)
            .Should()
            .Be(("unreadable-media", "The PDF cannot be read; it may be cut short or damaged."));
    }

    [Theory]
    [InlineData("D:20240301102030Z", "2024-03-01T10:20:30+00:00", true)]
    [InlineData("D:20240301102030-05'30'", "2024-03-01T10:20:30-05:30", true)]
    [InlineData("D:20240301102030", "2024-03-01T10:20:30+00:00", false)]
    [InlineData("D:2024", "2024-01-01T00:00:00+00:00", false)]
    public void PdfDatesAreReadWithTheirOffsetWhenTheyHaveOne(string text, string expected, bool hasOffset)
    {
        PdfAnalyser
            .ParseDate(text)
            .Should()
            .Be((DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), hasOffset));
        PdfAnalyser.ParseDate("D:20241341").Should().BeNull();
    }

    [Fact]
    public async Task AWebPageGivesItsTitleAndWarnsOfScripts()
    {
        var html =
            "<!DOCTYPE html><html><head><title>\n  Shelling in  the north &amp; east </title></head>"
            + "<body><button onclick=\"steal()\">x</button></body></html>";

        var analysis = await Analyse(Write("page.html", Encoding.UTF8.GetBytes(html)));

        analysis.Facts.Title.Should().Be("Shelling in the north & east");
        analysis.Facts.Warnings.Should().Equal("The page contains scripts: shown as text only, never run.");
        analysis.Previews.Should().BeEmpty();
    }

    [Fact]
    public async Task APageWithoutScriptsHasNoWarning()
    {
        var html = "<html><head><title>Plain</title></head><body><p>Reported online at noon.</p></body></html>";

        var analysis = await Analyse(Write("plain.htm", Encoding.UTF8.GetBytes(html)));

        analysis.Facts.Title.Should().Be("Plain");
        analysis.Facts.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task AnMhtmlsQuotedPrintablePageIsRead()
    {
        var mhtml =
            "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            + "\tboundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "<html><head><title>Saved</title></head><body>"
            + "<img src=3D\"x\" on=\r\nerror=3D\"alert(1)\"></body></html>\r\n";

        var analysis = await Analyse(Write("saved.mhtml", Encoding.ASCII.GetBytes(mhtml)));

        analysis.Type.Format.Should().Be("mhtml");
        analysis.Facts.Title.Should().Be("Saved");
        analysis.Facts.Warnings.Should().ContainSingle();
    }

    [Fact]
    public async Task AGzippedWarcIsReadInsideBoundedly()
    {
        var record =
            "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html><title>Archived</title></html>";
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes(record));
        }

        var analysis = await Analyse(Write("capture.warc.gz", compressed.ToArray()));

        analysis.Type.Format.Should().Be("warc.gz");
        analysis.Facts.Title.Should().Be("Archived");
        analysis.Facts.Warnings.Should().BeEmpty();
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private Task<MediaAnalysis> Analyse(string path) =>
        analyser.AnalyseAsync(path, MediaSniffer.Sniff(path, Path.GetFileName(path)), CancellationToken.None);
}
