namespace ConflictTracker.Domain.Common;

/// <summary>
/// Base of every record with an identity. Ids are version 7 GUIDs made by the application, so a
/// record has its id before it is saved (citations can point at a claim in the same save) and ids
/// survive export and import unchanged.
/// </summary>
public abstract class Entity
{
    protected Entity(Guid id)
    {
        Id = id == Guid.Empty ? Guid.CreateVersion7() : id;
    }

    /// <summary>For materialisation by the persistence layer, which sets <see cref="Id"/> itself.</summary>
    protected Entity() { }

    public Guid Id { get; private set; }
}
