using System.Text.RegularExpressions;

namespace ConflictTracker.Domain.Common;

/// <summary>
/// Small, shared input rules. Each throws <see cref="DomainValidationException"/> naming the field,
/// so a rule broken anywhere gives the same message in the form, the API and the demo-data loader.
/// </summary>
public static partial class Rules
{
    /// <summary>Trims and checks a required text: not blank, no control characters, at most <paramref name="maxLength"/>.</summary>
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var text = OptionalText(value, field, maxLength);
        return text ?? throw new DomainValidationException(field, $"{Label(field)} is required.");
    }

    /// <summary>Trims an optional text; blank becomes null. Same length and character rules as <see cref="RequiredText"/>.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            throw new DomainValidationException(field, $"{Label(field)} must be at most {maxLength:N0} characters (it has {text.Length:N0}).");
        }

        // Line breaks and tabs are legitimate in quotes; other control characters are copy-paste debris
        // that would corrupt exports and can hide text from reviewers.
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainValidationException(field, $"{Label(field)} contains control characters; remove them.");
        }

        return text;
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
            throw new DomainValidationException(field, $"{Label(field)} must be a two-letter ISO 3166-1 code such as KR or UA.");
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
            throw new DomainValidationException(field, $"{Label(field)} must be a language tag such as en, ko or uk-UA.");
        }

        return tag;
    }

    /// <summary>An absolute http or https URL; null when blank. Other schemes (javascript:, file:, data:) are refused.</summary>
    public static Uri? WebUrl(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > MaxLengths.Url)
        {
            throw new DomainValidationException(field, $"{Label(field)} must be at most {MaxLengths.Url:N0} characters.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new DomainValidationException(field, $"{Label(field)} must be an http:// or https:// address.");
        }

        return uri;
    }

    public static T Defined<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainValidationException(field, $"{Label(field)} has an unknown value '{value}'.");
        }

        return value;
    }

    private static string Label(string field) => field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTagPattern();
}
