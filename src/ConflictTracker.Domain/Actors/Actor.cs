using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Actors;

/// <summary>
/// Anyone who asserts or publishes: a person, a government body, a military or intelligence service,
/// a media outlet, an international body, a research organisation.
/// </summary>
public sealed class Actor : Entity
{
    private readonly List<ActorAlias> aliases = [];

    private Actor(
        Guid id,
        string name,
        ActorKind kind,
        string? countryCode,
        string? description,
        ReliabilityGrade? reliability,
        bool isCollective
    )
        : base(id)
    {
        IsCollective = isCollective;
        Name = name;
        Kind = kind;
        CountryCode = countryCode;
        Description = description;
        Reliability = reliability;
    }

    public string Name { get; private set; }

    public ActorKind Kind { get; private set; }

    /// <summary>ISO 3166-1 alpha-2; null for international bodies.</summary>
    public string? CountryCode { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The grade its publications get by default when it publishes sources.</summary>
    public ReliabilityGrade? Reliability { get; private set; }

    /// <summary>
    /// A collective or unidentified source ("unidentified social media account", "residents"): its
    /// claims never share a voice with each other, since nothing says the same person spoke
    /// (docs/rules/origin-counting.md).
    /// </summary>
    public bool IsCollective { get; private set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<ActorAlias> Aliases => aliases.AsReadOnly();

    public static Actor Create(
        string? name,
        ActorKind kind,
        string? countryCode,
        string? description = null,
        ReliabilityGrade? reliability = null,
        Guid id = default,
        bool isCollective = false
    )
    {
        var errors = new ValidationErrors();
        var actorName = errors.Check(() => Rules.RequiredText(name, nameof(Name), MaxLengths.Name));
        errors.Check(() => Rules.Defined(kind, nameof(Kind)));
        var country = errors.Check(() => Rules.CountryCode(countryCode, nameof(CountryCode)));
        var text = errors.Check(() => Rules.OptionalText(description, nameof(Description), MaxLengths.Note));
        if (reliability is { } grade)
        {
            errors.Check(() => Rules.Defined(grade, nameof(Reliability)));
        }

        errors.ThrowIfAny();
        return new Actor(id, actorName!, kind, country, text, reliability, isCollective);
    }

    /// <summary>
    /// Changes the actor's details, by the same rules as <see cref="Create"/>. A null
    /// <paramref name="isCollective"/> keeps the actor's current marking.
    /// </summary>
    public void Revise(
        string? name,
        ActorKind kind,
        string? countryCode,
        string? description,
        ReliabilityGrade? reliability,
        bool? isCollective = null
    )
    {
        var valid = Create(name, kind, countryCode, description, reliability, Id, isCollective ?? IsCollective);
        if (aliases.Any(a => string.Equals(a.Name, valid.Name, StringComparison.Ordinal)))
        {
            throw new DomainValidationException(
                nameof(Name),
                $"'{valid.Name}' is one of the actor's aliases; remove the alias first."
            );
        }

        Name = valid.Name;
        Kind = valid.Kind;
        CountryCode = valid.CountryCode;
        Description = valid.Description;
        Reliability = valid.Reliability;
        IsCollective = valid.IsCollective;
    }

    /// <summary>Takes a name off the actor's aliases (recorded in its history).</summary>
    public void RemoveAlias(Guid aliasId)
    {
        if (aliases.RemoveAll(a => a.Id == aliasId) == 0)
        {
            throw new DomainValidationException("Alias", "That alias is not one of this actor's.");
        }
    }

    /// <summary>Adds a name the actor is also known by (김용현, Кирило Буданов, "GUR"). Repeats are ignored.</summary>
    public ActorAlias AddAlias(string? alias, string? language, Guid id = default)
    {
        var errors = new ValidationErrors();
        var text = errors.Check(() => Rules.RequiredText(alias, "Alias", MaxLengths.Name));
        var lang = errors.Check(() => Rules.LanguageTag(language, "Alias.Language"));
        errors.ThrowIfAny();

        var existing = aliases.FirstOrDefault(a => string.Equals(a.Name, text, StringComparison.Ordinal));
        if (existing is not null)
        {
            return existing;
        }

        if (string.Equals(text, Name, StringComparison.Ordinal))
        {
            throw new DomainValidationException("Alias", "An alias must differ from the actor's name.");
        }

        var created = new ActorAlias(id, Id, text!, lang);
        aliases.Add(created);
        return created;
    }
}
