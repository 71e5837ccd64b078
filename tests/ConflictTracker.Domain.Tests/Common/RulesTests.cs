using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Common;

public class RulesTests
{
    [Theory]
    [InlineData("https://www.twz.com/news-features/budanov")]
    [InlineData("http://example.org/a?b=c#d")]
    [InlineData("  HTTPS://Example.org/  ")]
    public void AcceptsHttpAndHttpsAddresses(string url)
    {
        Rules.WebUrl(url, "Url")!.Scheme.Should().BeOneOf("http", "https");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/file")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("/relative/path")]
    [InlineData("www.example.org")]
    [InlineData("https://")]
    public void RefusesEveryOtherScheme(string url)
    {
        var act = () => Rules.WebUrl(url, "Url");

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors["Url"]
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("http:// or https://");
    }

    [Fact]
    public void BlankOptionalTextBecomesNullAndTextIsTrimmed()
    {
        Rules.OptionalText("   ", "Description", 10).Should().BeNull();
        Rules.OptionalText("  Kursk  ", "Description", 10).Should().Be("Kursk");
    }

    [Fact]
    public void RequiredTextMustNotBeBlank()
    {
        var act = () => Rules.RequiredText(" ", "Summary", 10);

        act.Should().Throw<DomainValidationException>().Which.Errors["Summary"].Should().Equal("Summary is required.");
    }

    [Fact]
    public void TextLongerThanItsLimitIsRefusedWithBothLengths()
    {
        var act = () => Rules.RequiredText(new string('x', 100_000), "Summary", MaxLengths.Summary);

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors["Summary"]
            .Single()
            .Should()
            .Contain("2,000")
            .And.Contain("100,000");
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("escape\u001b[31m")]
    public void ControlCharactersAreRefused(string text)
    {
        var act = () => Rules.RequiredText(text, "Summary", 100);

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors["Summary"]
            .Single()
            .Should()
            .Contain("control characters");
    }

    [Fact]
    public void LineBreaksAndTabsAreKept()
    {
        Rules.RequiredText("line one\nline two\tend", "Quote", 100).Should().Be("line one\nline two\tend");
    }

    [Fact]
    public void MarkupIsKeptAsText()
    {
        // Output encoding is the UI's job; the domain keeps exactly what was said.
        Rules.RequiredText("<script>alert(1)</script>", "Quote", 100).Should().Be("<script>alert(1)</script>");
    }

    [Theory]
    [InlineData("kr", "KR")]
    [InlineData(" UA ", "UA")]
    [InlineData("", null)]
    public void CountryCodesAreUpperCasedTwoLetterCodes(string input, string? expected)
    {
        Rules.CountryCode(input, "CountryCode").Should().Be(expected);
    }

    [Theory]
    [InlineData("KOR")]
    [InlineData("K1")]
    [InlineData("Korea")]
    public void OtherCountryCodesAreRefused(string input)
    {
        var act = () => Rules.CountryCode(input, "CountryCode");

        act.Should().Throw<DomainValidationException>();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    [InlineData("uk-UA")]
    [InlineData("zh-Hant-TW")]
    public void AcceptsLanguageTags(string tag)
    {
        Rules.LanguageTag(tag, "Language").Should().Be(tag);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("e")]
    [InlineData("en_GB")]
    [InlineData("en-abcdefgh-abcdefgh-abcdefgh-abcdefgh")]
    public void RefusesWhatIsNotALanguageTag(string tag)
    {
        var act = () => Rules.LanguageTag(tag, "Language");

        act.Should().Throw<DomainValidationException>();
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "U+202E")]
    [InlineData("left\u202Dright", "U+202D")]
    [InlineData("bell\u0007", "control characters")]
    [InlineData("NUL\u0000inside", "control characters")]
    public void RefusesCharactersThatHideOrBreakText(string text, string message)
    {
        var act = () => Rules.OptionalText(text, "Quote", 100);

        act.Should().Throw<DomainValidationException>().Which.Errors["Quote"].Single().Should().Contain(message);
    }

    [Fact]
    public void RefusesALoneSurrogate()
    {
        // Built in code: an attribute argument cannot carry half a character (it is stored as UTF-8).
        foreach (
            var text in new[]
            {
                "broken " + '\ud800' + " half",
                "reversed " + '\udc00' + '\ud800' + " pair",
                "end " + '\ud83d',
            }
        )
        {
            var act = () => Rules.OptionalText(text, "Quote", 100);
            act.Should()
                .Throw<DomainValidationException>()
                .Which.Errors["Quote"]
                .Single()
                .Should()
                .Contain("broken character");
        }
    }

    [Fact]
    public void RemovesTheDirectionIsolatesPlatformsWrapAroundNamesButKeepsMarksAndEmoji()
    {
        Rules
            .OptionalText("\u2066@budanov\u2069 said \u202Bما\u202C \u200Fok\u200E 😀", "Quote", 100)
            .Should()
            .Be("@budanov said ما \u200Fok\u200E 😀");
        Rules.OptionalText("\u2066\u2069", "Quote", 100).Should().BeNull();
        Rules.WebUrl("\u2066https://example.org/a\u2069", "Url")!.OriginalString.Should().Be("https://example.org/a");
    }

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2200, true)]
    [InlineData(2201, false)]
    [InlineData(1, false)]
    [InlineData(9999, false)]
    public void DatesLieBetween1900And2200(int year, bool accepted)
    {
        var act = () => Rules.InRange(new DateOnly(year, 6, 1), "EventEnd");

        if (accepted)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should()
                .Throw<DomainValidationException>()
                .Which.Errors["EventEnd"]
                .Single()
                .Should()
                .Contain("between 1900 and 2200");
        }
    }
}
