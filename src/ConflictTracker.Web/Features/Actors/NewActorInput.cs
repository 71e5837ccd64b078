using ConflictTracker.Domain.Actors;

namespace ConflictTracker.Web.Features.Actors;

/// <summary>
/// An actor typed into the statement form that does not exist yet, with, optionally, its other names and the role
/// it held when it made the statement.
/// </summary>
public sealed record NewActorInput(string? Name, ActorKind Kind, string? CountryCode)
{
    /// <summary>Other names (any script), stored as the actor's aliases.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The role held ("Secretary of State"), recorded as an affiliation.</summary>
    public string? Role { get; init; }

    /// <summary>The organisation of <see cref="Role"/>; when empty, the body the statement is made on behalf of,
    /// which the actor then speaks for.</summary>
    public Guid? RoleOrganisationId { get; init; }
}
