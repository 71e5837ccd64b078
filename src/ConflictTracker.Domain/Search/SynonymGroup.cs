using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Search;

/// <summary>
/// Words the search treats as the same ("troops", "soldiers", "servicemen"): a query word that is one of the
/// terms matches any of them (docs/rules/search.md, "Synonyms"). Admins edit the list; a group that is no longer
/// wanted is switched off, never deleted, so its history stays.
/// </summary>
public sealed class SynonymGroup : Entity
{
    public const int MaxTerms = 20;
    public const int MaxTermLength = 100;

    private SynonymGroup(Guid id, List<string> terms, string? note)
        : base(id)
    {
        Terms = terms;
        Note = note;
        Active = true;
    }

    private SynonymGroup() { }

    /// <summary>Lower-case words or phrases, at least two, each once.</summary>
    public List<string> Terms { get; private set; } = [];

    public string? Note { get; private set; }

    /// <summary>Only active groups expand searches.</summary>
    public bool Active { get; private set; }

    public uint Version { get; private set; }

    public static SynonymGroup Create(IEnumerable<string?> terms, string? note, Guid id = default)
    {
        var (clean, text) = Check(terms, note);
        return new SynonymGroup(id, clean, text);
    }

    public void Change(IEnumerable<string?> terms, string? note, bool active)
    {
        (Terms, Note) = Check(terms, note);
        Active = active;
    }

    /// <summary>The terms as a searcher would type them: trimmed, lower-case, single spaces.</summary>
    public static string Normalise(string term) =>
        string.Join(' ', term.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static (List<string> Terms, string? Note) Check(IEnumerable<string?> terms, string? note)
    {
        var errors = new ValidationErrors();
        var clean = new List<string>();
        foreach (var raw in terms)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var term = Normalise(raw);
            if (term.Length > MaxTermLength)
            {
                errors.Add(nameof(Terms), $"'{term[..20]}…' is longer than {MaxTermLength} characters.");
            }
            else if (!term.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '’'))
            {
                errors.Add(nameof(Terms), $"'{term}': use letters, digits, spaces, hyphens and apostrophes only.");
            }
            else if (!clean.Contains(term))
            {
                clean.Add(term);
            }
        }

        if (clean.Count < 2)
        {
            errors.Add(nameof(Terms), "A synonym group needs at least two different words.");
        }

        if (clean.Count > MaxTerms)
        {
            errors.Add(nameof(Terms), $"A synonym group has at most {MaxTerms} words.");
        }

        var text = errors.Check(() => Rules.OptionalText(note, nameof(Note), MaxLengths.Note));
        errors.ThrowIfAny();
        return (clean, text);
    }
}
