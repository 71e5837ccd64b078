using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Claims;

/// <summary>The speaker's words verbatim, in the language they were said, with a translation where needed.</summary>
public sealed class Quote
{
    private Quote(string text, string language, string? translation, string? translationLanguage)
    {
        Text = text;
        Language = language;
        Translation = translation;
        TranslationLanguage = translationLanguage;
    }

    public string Text { get; private set; }

    public string Language { get; private set; }

    public string? Translation { get; private set; }

    public string? TranslationLanguage { get; private set; }

    public static Quote Create(
        string? text,
        string? language,
        string? translation = null,
        string? translationLanguage = null
    )
    {
        var errors = new ValidationErrors();
        var quoteText = errors.Check(() => Rules.RequiredText(text, "Quote.Text", MaxLengths.Quote));
        var lang = errors.Check(() => Rules.LanguageTag(language, "Quote.Language"));
        if (lang is null && quoteText is not null)
        {
            errors.Add(
                "Quote.Language",
                "Language is required: say which language the quote was spoken or written in."
            );
        }

        var translated = errors.Check(() => Rules.OptionalText(translation, "Quote.Translation", MaxLengths.Quote));
        var translatedLang = errors.Check(() => Rules.LanguageTag(translationLanguage, "Quote.TranslationLanguage"));
        if (translated is not null && translatedLang is null)
        {
            translatedLang = "en";
        }

        if (translated is null && translatedLang is not null)
        {
            errors.Add("Quote.Translation", "A translation language was given without a translation.");
        }

        if (translated is not null && translatedLang == lang)
        {
            errors.Add("Quote.TranslationLanguage", "The translation is in the same language as the original.");
        }

        errors.ThrowIfAny();
        return new Quote(quoteText!, lang!, translated, translatedLang);
    }
}
