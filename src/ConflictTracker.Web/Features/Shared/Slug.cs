using System.Globalization;
using System.Text;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// The readable part of a record's address, next to its id: <c>/actors/{id}/kyrylo-budanov</c>. Made from the name
/// (Latin letters without accents, digits, hyphens); ignored when the address is read, so a renamed record's old
/// links keep working (docs/rules/search.md, "Readable addresses").
/// </summary>
public static class Slug
{
    public const int MaxLength = 60;

    /// <summary>Words that are pages of a record (<c>/actors/{id}/edit</c>), never a slug.</summary>
    private static readonly HashSet<string> Reserved = ["edit", "history", "new"];

    /// <summary>"Kyrylo Budanov" → "kyrylo-budanov"; "Кирило Буданов" → "" (no Latin letters: no
    /// slug).</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxLength)
            {
                break;
            }
        }

        var text = slug.ToString().Trim('-');
        return Reserved.Contains(text) ? text + "-record" : text;
    }

    /// <summary>The record's address: <c>actors/{id}/{slug}</c>, or <c>actors/{id}</c> when the name gives no
    /// slug. Relative, like the app's other links.</summary>
    public static string Path(string collection, Guid id, string? name) =>
        Of(name) is { Length: > 0 } slug ? $"{collection}/{id}/{slug}" : $"{collection}/{id}";
}
