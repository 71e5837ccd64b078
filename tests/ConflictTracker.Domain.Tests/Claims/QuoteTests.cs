using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class QuoteTests
{
    [Fact]
    public void KeepsTheOriginalAndItsTranslation()
    {
        var quote = Quote.Create("Это очередной фейк.", "ru", "This is another fake.", "en");

        quote.Text.Should().Be("Это очередной фейк.");
        quote.Language.Should().Be("ru");
        quote.Translation.Should().Be("This is another fake.");
        quote.TranslationLanguage.Should().Be("en");
    }

    [Fact]
    public void TranslationDefaultsToEnglish()
    {
        Quote.Create("국가정보원", "ko", "National Intelligence Service").TranslationLanguage.Should().Be("en");
    }

    [Theory]
    [InlineData("", "en", null, null, "Quote.Text")]
    [InlineData("words", null, null, null, "Quote.Language")]
    [InlineData("words", "english", null, null, "Quote.Language")]
    [InlineData("words", "en", null, "uk", "Quote.Translation")]
    [InlineData("words", "en", "words", "en", "Quote.TranslationLanguage")]
    public void RefusesIncompleteQuotes(
        string text,
        string? language,
        string? translation,
        string? translationLanguage,
        string field
    )
    {
        var act = () => Quote.Create(text, language, translation, translationLanguage);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey(field);
    }
}
