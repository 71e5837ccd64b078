using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Data.Alerts;

/// <summary>
/// A claims search an analyst saved under a name (docs/rules/alerts-and-comments.md): the explorer's query string,
/// kept as the explorer writes it. When <see cref="Notify"/> is on, new matching claims reach its owner as
/// notifications and in its Atom feed. Removing one keeps the row (and its history), marked removed.
/// </summary>
public sealed class SavedSearch : Entity
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    private SavedSearch(Guid id, Guid userId, string name, string query, bool notify, DateTimeOffset at)
        : base(id)
    {
        UserId = userId;
        Name = name;
        Query = query;
        Notify = notify;
        CreatedAt = at;
    }

    private SavedSearch() { }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The explorer's query string without the leading '?' and without paging
    /// ("q=budanov&amp;stance=Denies").</summary>
    public string Query { get; private set; } = "";

    /// <summary>Followed: new matches notify the owner.</summary>
    public bool Notify { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public uint Version { get; private set; }

    public static SavedSearch Create(Guid userId, string? name, string query, bool notify, DateTimeOffset at) =>
        new(Guid.Empty, userId, CheckName(name), query, notify, at);

    public void Change(string? name, string query, bool notify)
    {
        Name = CheckName(name);
        Query = query;
        Notify = notify;
    }

    public void Remove(DateTimeOffset at) => RemovedAt ??= at;

    private static string CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainValidationException(nameof(Name), "Give the search a name.");
        }

        var errors = new ValidationErrors();
        var clean = errors.Check(() => Rules.RequiredText(name, nameof(Name), MaxNameLength));
        errors.ThrowIfAny();
        return clean!;
    }
}
