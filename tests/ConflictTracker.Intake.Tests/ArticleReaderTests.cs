using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ConflictTracker.Intake.Tests;

public sealed class ArticleReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Fallback title | Example News</title>
          <meta property="og:title" content="North Korean troops reach Kursk">
          <meta property="og:site_name" content="Example News">
          <meta property="article:published_time" content="2024-10-29T08:15:00Z">
          <meta name="author" content="Jane Reporter">
          <link rel="canonical" href="https://news.example.org/world/kursk-troops">
          <script>window.track = function () { document.write("<p>tracked</p>"); };</script>
          <style>p { color: red; }</style>
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
          <header><p>Breaking banner text</p></header>
          <article>
            <h1>North Korean troops reach Kursk</h1>
            <p>North Korean units have arrived in the Kursk region, the ministry <b>said</b><script>track("inline")</script> on Monday.</p>
            <p onclick="alert('gotcha')">“We are watching closely,” the spokesman said.</p>
            <script>var secret = "do not read me";</script>
            <ul><li>First item of a list</li></ul>
          </article>
          <aside>Related: ten things to know</aside>
          <footer><p>Copyright Example News. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void HtmlTextIsTheArticlesWordsWithoutScriptsMarkupNavigationOrFooter()
    {
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(Page));

        article.Format.Should().Be(ArticleFormat.Html);
        article
            .Text.Should()
            .Be(
                "North Korean troops reach Kursk\n\nNorth Korean units have arrived in the Kursk region, the ministry said on Monday.\n\n\u201CWe are watching closely,\u201D the spokesman said.\n\nFirst item of a list"
            );
        article
            .Text.Should()
            .NotContainAny(
                "<",
                ">",
                "alert",
                "onclick",
                "secret",
                "tracked",
                "track(",
                "inline",
                "window.track",
                "color: red",
                "Subscribe",
                "Home",
                "banner",
                "Copyright",
                "Related"
            );
    }

    [Fact]
    public void HtmlWithoutParagraphsIsReadFromItsTextButNeverItsScripts()
    {
        const string page =
            "<html><body><div>Troops reached Kursk, the ministry said.</div><script>var tracker = 'do not read me';</script><noscript>Enable scripts</noscript></body></html>";

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(page));

        article.Text.Should().Be("Troops reached Kursk, the ministry said.");
    }

    [Fact]
    public void HtmlMetadataComesFromThePagesOwnTags()
    {
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(Page));

        article.Title.Should().Be("North Korean troops reach Kursk");
        article.Publisher.Should().Be("Example News");
        article.PublishedOn.Should().Be("2024-10-29");
        article.CanonicalUrl.Should().Be("https://news.example.org/world/kursk-troops");
        article.Author.Should().Be("Jane Reporter");
        article.Language.Should().Be("en");
    }

    [Fact]
    public void ABinaryFileIsRefusedAsNotText()
    {
        var bytes = new byte[4096];
        new Random(20241029).NextBytes(bytes);
        bytes[0] = 0xFF; // never the start of UTF-8 text or of a PDF

        var act = () => ArticleReader.Read(bytes);

        act.Should().Throw<ArticleUnreadableException>().WithMessage("*not UTF-8 text*");
    }

    [Fact]
    public void Utf8WithControlCharactersIsRefusedAsNotText()
    {
        var bytes = Encoding.UTF8.GetBytes("MZ\0\0\u0001\u0002 binary header\0 with text inside");

        var act = () => ArticleReader.Read(bytes);

        act.Should().Throw<ArticleUnreadableException>().WithMessage("This is not text*");
    }

    [Fact]
    public void AnEmptyFileOrAnEmptyTextIsRefused()
    {
        var empty = () => ArticleReader.Read([]);
        var blank = () => ArticleReader.FromText(" \n\t \r\n ");

        empty.Should().Throw<ArticleUnreadableException>().WithMessage("The file is empty.");
        blank.Should().Throw<ArticleUnreadableException>().WithMessage("There is no text to read*");
    }

    [Fact]
    public void AFileOverTenMegabytesIsRefused()
    {
        var bytes = new byte[ArticleReader.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'a');

        var act = () => ArticleReader.Read(bytes);

        act.Should()
            .Throw<ArticleUnreadableException>()
            .WithMessage("The file is larger than 10 MB (10,485,761 bytes); articles of up to 10 MB are taken in.");
    }

    [Fact]
    public void APdfWithATextLayerIsRead()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("Kyiv says North Korean troops reached Kursk.", 12, new PdfPoint(40, 780), font);
        var bytes = builder.Build();

        var article = ArticleReader.Read(bytes);

        article.Format.Should().Be(ArticleFormat.Pdf);
        article.Text.Should().Be("Kyiv says North Korean troops reached Kursk.");
    }

    [Fact]
    public void APdfWithoutTextIsRefusedWithAPointerToOcr()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(40, 40), 200, 100);
        var bytes = builder.Build();

        var act = () => ArticleReader.Read(bytes);

        act.Should().Throw<ArticleUnreadableException>().WithMessage("*no text layer*OCR*");
    }

    [Fact]
    public void ADamagedPdfIsRefused()
    {
        var act = () => ArticleReader.Read(Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a pdf"));

        act.Should().Throw<ArticleUnreadableException>().WithMessage("The PDF cannot be read*");
    }

    [Fact]
    public void TextInAnotherScriptIsReadAndDoesNotLookEnglish()
    {
        const string korean =
            "국가정보원은 북한군 약 1만 명이 러시아에 파병됐다고 밝혔다.\n\n국방부는 추가 파병 가능성을 배제할 수 없다고 말했다.";

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(korean));

        article.Format.Should().Be(ArticleFormat.Text);
        article.Text.Should().Be(korean);
        ArticleReader.LooksEnglish(article.Text).Should().BeFalse();
        ArticleReader
            .LooksEnglish("The ministry said on Tuesday that the troops had arrived in the region.")
            .Should()
            .BeTrue();
    }

    [Fact]
    public void PlainTextTakesItsFirstLineAsTheTitle()
    {
        var article = ArticleReader.Read(
            Encoding.UTF8.GetBytes("\uFEFFTroops reach Kursk\r\n\r\nThe ministry said so.")
        );

        article.Format.Should().Be(ArticleFormat.Text);
        article.Title.Should().Be("Troops reach Kursk");
        article.Text.Should().Be("Troops reach Kursk\n\nThe ministry said so.");
    }
}
