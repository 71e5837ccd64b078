namespace ConflictTracker.Domain.Relations;

public enum RelationType
{
    /// <summary>Independent support for the same thing.</summary>
    Corroborates,

    /// <summary>Both cannot be true.</summary>
    Contradicts,

    /// <summary>Says the same, more precisely.</summary>
    Refines,

    /// <summary>The same actor replacing its own earlier figure.</summary>
    Supersedes,

    /// <summary>Same origin, so not independent.</summary>
    Repeats,
}
