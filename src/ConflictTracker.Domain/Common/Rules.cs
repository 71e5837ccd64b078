using System.Text.RegularExpressions;

namespace ConflictTracker.Domain.Common;

/// <summary>
/// Small, shared input rules. Each throws <see cref="DomainValidationException"/> naming the field,
/// so a rule broken anywhere gives the same message in the form, the API and the demo-data loader.
/// </summary>
public static partial class Rules
{
    /// <summary>Trims and checks a required text: not blank, no control characters, at most <paramref
    /// name="maxLength"/>.</summary>
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var text = OptionalText(value, field, maxLength);
        return text ?? throw new DomainValidationException(field, $"{Label(field)} is required.");
    }

    /// <summary>Trims an optional text; blank becomes null. Same length and character rules as <see
    /// cref="RequiredText"/>.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var text = value is null ? null : WithoutDirectionalFormatting(value).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            throw new DomainValidationException(
                field,
                $"{Label(field)} must be at most {maxLength:N0} characters (it has {text.Length:N0})."
            );
        }

        CheckCharacters(text, field);
        return text;
    }

    /// <summary>
    /// Removes the invisible direction embeddings and isolates (U+202A-U+202C, U+2066-U+2069) that
    /// platforms wrap around names and hashtags: pasted from a social post they would otherwise make
    /// a quote differ from its source without anyone seeing why. The overrides that reorder what a
    /// reader sees (U+202D, U+202E) are not removed but refused by <see cref="CheckCharacters"/>.
    /// </summary>
    public static string WithoutDirectionalFormatting(string text) =>
        text.AsSpan().IndexOfAny(DirectionalFormatting) < 0
            ? text
            : string.Concat(text.Where(c => !DirectionalFormatting.Contains(c)));

    private static readonly System.Buffers.SearchValues<char> DirectionalFormatting =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u2066\u2067\u2068\u2069");

    /// <summary>
    /// Refuses characters no legitimate text needs. Line breaks and tabs are legitimate in quotes; other
    /// control characters are copy-paste debris that would corrupt exports and can hide text from
    /// reviewers. The direction overrides U+202D and U+202E reorder what a reader sees without changing
    /// what is stored ("Trojan Source"); the plain direction marks U+200E and U+200F stay allowed. A
    /// lone UTF-16 surrogate is not text at all and cannot be stored.
    /// </summary>
    public static void CheckCharacters(string text, string field)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                throw new DomainValidationException(field, $"{Label(field)} contains control characters; remove them.");
            }

            if (c is '\u202D' or '\u202E')
            {
                throw new DomainValidationException(
                    field,
                    $"{Label(field)} contains an invisible text-direction override (U+{(int)c:X4}) at position {i + 1}; remove it."
                );
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new DomainValidationException(
                    field,
                    $"{Label(field)} contains a broken character (a lone UTF-16 surrogate); type it again."
                );
            }
        }
    }

    /// <summary>An ISO 3166-1 alpha-2 country code, upper-cased; null when blank.</summary>
    public static string? CountryCode(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (!CountryCodePattern().IsMatch(code))
        {
            throw new DomainValidationException(
                field,
                $"{Label(field)} must be a two-letter ISO 3166-1 code such as KR or UA."
            );
        }

        return code;
    }

    /// <summary>A BCP 47 language tag such as "en", "ko" or "uk-UA"; null when blank.</summary>
    public static string? LanguageTag(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var tag = value.Trim();
        if (tag.Length > MaxLengths.LanguageTag || !LanguageTagPattern().IsMatch(tag))
        {
            throw new DomainValidationException(
                field,
                $"{Label(field)} must be a language tag such as en, ko or uk-UA."
            );
        }

        return tag;
    }

    /// <summary>An absolute http or https URL; null when blank. Other schemes (javascript:, file:, data:) are
    /// refused.</summary>
    public static Uri? WebUrl(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = WithoutDirectionalFormatting(value).Trim();
        if (text.Length > MaxLengths.Url)
        {
            throw new DomainValidationException(
                field,
                $"{Label(field)} must be at most {MaxLengths.Url:N0} characters."
            );
        }

        CheckCharacters(text, field);

        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
        )
        {
            throw new DomainValidationException(field, $"{Label(field)} must be an http:// or https:// address.");
        }

        return uri;
    }

    /// <summary>The earliest year a date may have: nothing this project records happened before it.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a date may have: far enough for planned events, near enough to catch typos such as
    /// 9999.</summary>
    public const int MaxYear = 2200;

    /// <summary>A date between <see cref="MinYear"/> and <see cref="MaxYear"/>: 0001-01-01 and 9999-12-31 are typos,
    /// not dates.</summary>
    public static DateOnly InRange(DateOnly date, string field) =>
        date.Year is >= MinYear and <= MaxYear
            ? date
            : throw new DomainValidationException(
                field,
                $"{Label(field)} must be a date between {MinYear} and {MaxYear} (it is {date:yyyy-MM-dd})."
            );

    public static T Defined<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainValidationException(field, $"{Label(field)} has an unknown value '{value}'.");
        }

        return value;
    }

    private static string Label(string field) =>
        field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTagPattern();
}
