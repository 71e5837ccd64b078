namespace ConflictTracker.Intake.Tests;

public sealed class ArticleTextTests
{
    [Fact]
    public void NormaliseMakesOneKindOfLineBreakAndAtMostOneBlankLine()
    {
        var text = ArticleText.Normalise("Title\r\n\r\n\r\n\r\nFirst line.\rSecond line.\n\n\n\nLast.");

        text.Should().Be("Title\n\nFirst line.\nSecond line.\n\nLast.");
    }

    [Fact]
    public void NormaliseComposesLettersAndTurnsTabsAndNoBreakSpacesIntoSpaces()
    {
        // "e" + combining acute is é; a tab and a no-break space are spaces; trailing spaces go.
        var text = ArticleText.Normalise("Caf\u0065\u0301\tin\u00A0Kyiv   \nNext");

        text.Should().Be("Caf\u00E9 in Kyiv\nNext");
    }

    [Fact]
    public void NormaliseDropsInvisibleAndControlCharactersButKeepsQuotationMarksAndDashes()
    {
        var text = ArticleText.Normalise("\uFEFF\u201CNo\u200B one\u00AD knows\u201D \u2014 he said\u0007 it.\u202E");

        text.Should().Be("\u201CNo one knows\u201D \u2014 he said  it.");
    }

    [Fact]
    public void Sha256IsTheLowerCaseHexOfTheUtf8Bytes()
    {
        ArticleText.Sha256("abc").Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        ArticleText
            .Sha256("Kyiv \u2014 \u041A\u0438\u0457\u0432")
            .Should()
            .HaveLength(64)
            .And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void TheSameArticleWithDifferentLineBreaksHasTheSameHashOnceNormalised()
    {
        var windows = ArticleText.Sha256(ArticleText.Normalise("A said.\r\n\r\nB said.  \r\n"));
        var unix = ArticleText.Sha256(ArticleText.Normalise("A said.\n\nB said."));

        windows.Should().Be(unix);
        ArticleText.Sha256(ArticleText.Normalise("A said.\n\nC said.")).Should().NotBe(unix);
    }

    [Fact]
    public void WordCountCountsRunsOfLettersOrDigits()
    {
        ArticleText.WordCount("Nearly 1,500 North Korean soldiers \u2014 Kim Yong-hyun said.").Should().Be(10);
        ArticleText.WordCount("  \n ").Should().Be(0);
    }
}
