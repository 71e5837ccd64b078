using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Actors;

/// <summary>Another name for an actor, often in another script, with the language it is written in.</summary>
public sealed class ActorAlias : Entity
{
    internal ActorAlias(Guid id, Guid actorId, string name, string? language)
        : base(id)
    {
        ActorId = actorId;
        Name = name;
        Language = language;
    }

    public Guid ActorId { get; private set; }

    public string Name { get; private set; }

    public string? Language { get; private set; }
}
