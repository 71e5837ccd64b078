namespace ConflictTracker.Web.Features.Comments;

/// <summary>
/// Finds the people a comment mentions: <c>@</c> followed by a user's display name ("@Ji-woo Park") or the part of
/// their e-mail address before the <c>@</c> ("@jpark"), in any case, ending at a character that is not a letter or
/// digit. The longest name that fits wins; an <c>@</c> inside a word (an e-mail address) is not a mention.
/// </summary>
public static class Mentions
{
    public sealed record Person(Guid Id, string DisplayName, string? Email);

    public static IReadOnlyList<Guid> Resolve(string text, IReadOnlyList<Person> people)
    {
        var found = new List<Guid>();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            var rest = text.AsSpan(at + 1);
            Person? best = null;
            var bestLength = 0;
            foreach (var person in people)
            {
                foreach (var name in Names(person))
                {
                    if (
                        name.Length > bestLength
                        && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                        && (rest.Length == name.Length || !char.IsLetterOrDigit(rest[name.Length]))
                    )
                    {
                        best = person;
                        bestLength = name.Length;
                    }
                }
            }

            if (best is not null && !found.Contains(best.Id))
            {
                found.Add(best.Id);
            }
        }

        return found;
    }

    private static IEnumerable<string> Names(Person person)
    {
        if (!string.IsNullOrWhiteSpace(person.DisplayName))
        {
            yield return person.DisplayName.Trim();
        }

        if (person.Email?.IndexOf('@', StringComparison.Ordinal) is > 0 and var at)
        {
            yield return person.Email[..at];
        }
    }
}
